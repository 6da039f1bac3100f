using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using JobManager.AppHost.Redis;
using JobManager.Core.Storage;
using JobManager.Shared;
using StackExchange.Redis;

namespace JobManager.Tests.Infrastructure;

/// <summary>The store tests that run on Garnet share one server; xunit runs a collection's tests one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class GarnetCollection : ICollectionFixture<GarnetServerFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Garnet";
}

/// <summary>
/// JobManager.DevRedis (Garnet with the settings the app host gives it) on a free loopback port, with no
/// app host and no dispatchers: store tests drive the scripts themselves, so what they race is only what
/// they start. Real Redis stays the authority; these tests make a script that only Redis runs correctly
/// (or only Garnet) fail the build.
/// </summary>
public sealed class GarnetServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"jobmanager-garnet-tests-{Guid.NewGuid():N}");
    private Process? _server;
    private ConfigurationOptions? _options;
    private ConnectionMultiplexer? _redis;

    public IConnectionMultiplexer Redis => _redis ?? throw new InvalidOperationException("Garnet has not started.");

    /// <summary>
    /// A connection of its own, as another dispatcher process has. Racing over one multiplexer proves
    /// nothing: it pipelines every caller's commands over one socket, which Garnet serves in order.
    /// </summary>
    public async Task<ConnectionMultiplexer> ConnectAsync() =>
        await ConnectionMultiplexer.ConnectAsync(_options ?? throw new InvalidOperationException("Garnet has not started."));

    /// <summary>The stores over a connection as the services build them, with their own key schema.</summary>
    public static StoreSet CreateStores(IConnectionMultiplexer redis, RedisKeys keys) => new(redis, keys);

    public async Task InitializeAsync()
    {
        var program = typeof(EmbeddedRedisResource).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "JobManager.DevRedis.Path")?.Value;
        if (program is null || !File.Exists(program))
        {
            throw new InvalidOperationException(
                $"JobManager.DevRedis.dll is not built ({program ?? "no path recorded"}); build the solution.");
        }
        var port = FreePort.Next();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
            [program, $"--DevRedis:Port={port.ToString(CultureInfo.InvariantCulture)}", $"--DevRedis:DataDirectory={_dataDirectory}"];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        _server = Process.Start(start)!;
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        var options = _options = new ConfigurationOptions
        {
            EndPoints = { { IPAddress.Loopback, port } },
            AbortOnConnectFail = false,
            // Claim scripts run several times slower on Garnet, and a 2-core CI machine may be compiling beside us.
            SyncTimeout = 30_000,
            AsyncTimeout = 30_000,
        };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                _redis = await ConnectionMultiplexer.ConnectAsync(options);
                await _redis.GetDatabase().PingAsync();
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException && deadline.Elapsed < StartTimeout && !_server.HasExited)
            {
                _redis?.Dispose();
                _redis = null;
                await Task.Delay(200);
            }
        }
    }

    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
        if (_server is not null)
        {
            if (!_server.HasExited)
            {
                _server.Kill(entireProcessTree: true);
            }
            // A deadline, so a server that cannot be ended fails the run instead of hanging it.
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _server.WaitForExitAsync(exit.Token);
            _server.Dispose();
        }
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    // A test host stopped before the fixture's dispose must not leave Garnet running.
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

}
