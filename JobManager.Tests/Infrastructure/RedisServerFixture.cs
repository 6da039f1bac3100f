using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using JobManager.Core.Configuration;
using JobManager.Core.Dispatch;
using JobManager.Core.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobManager.Tests.Infrastructure;

/// <summary>The store tests share one private redis-server; xunit runs a collection's tests one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "Redis";
}

/// <summary>
/// Starts a private <c>redis-server</c> on a free loopback port, without persistence, in a temp directory,
/// and kills it when the collection is done. Tests never flush it: each works in its own service names,
/// and asserts only on what those names own.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(30);
    private const int StartAttempts = 3;

    private readonly StringBuilder _serverOutput = new();
    private Process? _server;
    private string? _directory;
    private ConnectionMultiplexer? _redis;

    public IConnectionMultiplexer Redis => _redis ?? throw new InvalidOperationException("The Redis fixture is not started.");

    public int Port { get; private set; }

    /// <summary>Freezes the server (SIGSTOP): to its clients Redis is unreachable until <see cref="Thaw"/>.</summary>
    public void Freeze() => Signals.Send(_server?.Id ?? throw new InvalidOperationException("Not started."), Signals.Stop);

    public void Thaw() => Signals.Send(_server?.Id ?? throw new InvalidOperationException("Not started."), Signals.Cont);

    /// <summary>
    /// The stores over this server, as the services build them, with their own key schema and clock, over the
    /// fixture's connection or <paramref name="connection"/>.
    /// </summary>
    public StoreSet CreateStores(int shards = 4, TimeProvider? clock = null, IConnectionMultiplexer? connection = null)
    {
        var redis = connection ?? Redis;
        var keys = new RedisKeys(shards);
        var retention = Options.Create(new RetentionOptions());
        return new StoreSet(
            redis,
            keys,
            new JobStore(redis, keys, clock ?? TimeProvider.System),
            new ExecutionStore(redis, keys, retention),
            new DispatchStore(redis, keys, retention));
    }

    public async Task InitializeAsync()
    {
        var executable = FindRedisServer();
        _directory = Directory.CreateTempSubdirectory("jobmanager-redis-").FullName;
        // Another process may take the free port between our probe and redis-server's bind: try again.
        for (var attempt = 1; ; attempt++)
        {
            Port = FindFreePort();
            _server = Start(executable, Port, _directory);
            AppDomain.CurrentDomain.ProcessExit += KillOnExit;
            if (await WaitForPingAsync(_server, Port))
            {
                break;
            }
            await StopServerAsync();
            if (attempt == StartAttempts)
            {
                throw new InvalidOperationException(
                    $"redis-server did not answer PING on port {Port} within {StartupDeadline.TotalSeconds} s. Its output:\n{ServerOutput()}");
            }
        }

        _redis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
        {
            EndPoints = { { IPAddress.Loopback, Port } },
            AbortOnConnectFail = true,
            // Batching tests count script calls in INFO commandstats.
            AllowAdmin = true,
            // A 2-core CI machine may be compiling beside the tests.
            ConnectTimeout = 10_000,
            SyncTimeout = 15_000,
            AsyncTimeout = 15_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
        await StopServerAsync();
        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>
    /// <c>redis-server</c> from PATH; where none is installed (a machine with only the .NET SDK), the
    /// solution's own embedded Garnet server, so the suite still runs. CI installs redis-server: Redis
    /// stays the authority, and the Garnet tests run there too.
    /// </summary>
    private static string FindRedisServer() => RedisServer.ServerPath ?? BuildOutput.AssemblyOf("JobManager.DevRedis");

    private static int FindFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private Process Start(string executable, int port, string directory)
    {
        var garnet = executable.EndsWith(".dll", StringComparison.Ordinal);
        var start = new ProcessStartInfo(garnet ? "dotnet" : executable)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var portText = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] arguments = garnet
            ? [executable, $"--DevRedis:Port={portText}", $"--DevRedis:DataDirectory={directory}"]
            : ["--port", portText, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory, "--daemonize", "no"];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => AppendOutput(e.Data);
        process.ErrorDataReceived += (_, e) => AppendOutput(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> WaitForPingAsync(Process server, int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupDeadline && !server.HasExited)
        {
            if (await PingAsync(port))
            {
                return true;
            }
            await Task.Delay(50);
        }
        return false;
    }

    private static async Task<bool> PingAsync(int port)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private async Task StopServerAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (_server is null)
        {
            return;
        }
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
        }
        await _server.WaitForExitAsync();
        _server.Dispose();
        _server = null;
    }

    /// <summary>A test host stopped before the fixture's dispose must not leave redis-server behind.</summary>
    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            if (_server is { HasExited: false })
            {
                _server.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void AppendOutput(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_serverOutput)
        {
            _serverOutput.AppendLine(line);
        }
    }

    private string ServerOutput()
    {
        lock (_serverOutput)
        {
            return _serverOutput.ToString();
        }
    }
}
