using System.Diagnostics;
using System.Text;
using JobManager.Shared;

namespace JobManager.Tests.Infrastructure;

/// <summary>
/// One Redis server process a test owns, on a loopback port: redis-server, or Garnet where none is
/// installed. The owner can SIGKILL it and start it again on the same port and data folder, freeze it,
/// and must dispose it: that kills it and waits (with a deadline) for it to be gone.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    /// <summary>How long a server may take to answer PING after it was started.</summary>
    public static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(10);
    private const int StartAttempts = 3;

    private readonly StringBuilder _output = new();
    private readonly string _fileName;
    private readonly Func<int, IEnumerable<string>> _arguments;
    private Process? _process;

    private RedisProcess(string fileName, Func<int, IEnumerable<string>> arguments, string directory, int port)
    {
        _fileName = fileName;
        _arguments = arguments;
        Directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server's working and data folder.</summary>
    public string Directory { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What the server printed, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="fileName"/> with the arguments for its port, on a free port that
    /// <paramref name="portFits"/> accepts, and waits until it answers PING. Another process may take the free
    /// port between the probe and the server's bind: then it tries another.
    /// </summary>
    public static async Task<RedisProcess> StartAsync(
        string fileName, Func<int, IEnumerable<string>> arguments, string directory, Func<int, bool>? portFits = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisProcess(fileName, arguments, directory, portFits is null ? FreePort.Next() : FreePort.Next(portFits));
            try
            {
                await server.StartAgainAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>Starts the server (again) on its port and folder and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"The server on port {Port} is still running.");
        }
        _process?.Dispose();
        var start = new ProcessStartInfo(_fileName)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in _arguments(Port))
        {
            start.ArgumentList.Add(argument);
        }
        var process = _process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartDeadline && !process.HasExited)
        {
            if (await Resp.CommandAsync(Port, "PING") == "PONG")
            {
                return;
            }
            await Task.Delay(50);
        }
        Kill();
        throw new InvalidOperationException($"{Path.GetFileName(_fileName)} did not answer PING on port {Port} "
            + $"within {StartDeadline.TotalSeconds:0} s. Its output:\n{Output}");
    }

    /// <summary>SIGKILL: the server stops dead, as in a crash or an OOM kill, and is gone when this returns.</summary>
    public void Kill()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            if (!process.WaitForExit(ExitDeadline))
            {
                throw new TimeoutException($"The server on port {Port} was still running {ExitDeadline.TotalSeconds:0} s after SIGKILL.");
            }
        }
    }

    /// <summary>SIGSTOP: to its clients the server is unreachable until <see cref="Thaw"/>.</summary>
    public void Freeze() => Signals.Send(Pid, Signals.Stop);

    public void Thaw() => Signals.Send(Pid, Signals.Cont);

    private int Pid =>
        _process is { HasExited: false } process ? process.Id : throw new InvalidOperationException("The server is not running.");

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        _process = null;
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    // A test host stopped before the owner's dispose must not leave the server behind.
    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            if (_process is { HasExited: false })
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
