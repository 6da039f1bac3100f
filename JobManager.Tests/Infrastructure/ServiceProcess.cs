using System.Diagnostics;

namespace JobManager.Tests.Infrastructure;

/// <summary>
/// One JobManager service run as its own OS process from the build output (<c>dotnet X.dll</c>), so a
/// test can do to it what production does: SIGKILL it, freeze it with SIGSTOP, and start it again.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly string _assembly;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private Process? _process;

    public ServiceProcess(string name, string assembly, int port, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        _assembly = assembly;
        Port = port;
        _environment = environment;
    }

    /// <summary>Where the processes' output goes, one file per service name.</summary>
    public static string LogDirectory { get; } = Directory.CreateTempSubdirectory("jobmanager-services-").FullName;

    public string Name { get; }
    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";
    public bool IsRunning => _process is { HasExited: false };
    public bool IsFrozen { get; private set; }

    public void Start()
    {
        var start = new ProcessStartInfo("dotnet", [_assembly])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(_assembly)!,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }
        start.Environment["ASPNETCORE_URLS"] = Url;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Name}.");
        // Drain the pipes so a chatty process never blocks on a full buffer; keep them for a failing test.
        var log = Path.Combine(LogDirectory, $"{Name}.log");
        _process.OutputDataReceived += (_, line) => Append(log, line.Data);
        _process.ErrorDataReceived += (_, line) => Append(log, line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        IsFrozen = false;
    }

    /// <summary>Waits until <c>/health</c> answers 200.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Wait.UntilAsync(async () =>
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} while starting.");
            }
            try
            {
                using var response = await http.GetAsync($"{Url}/health");
                return response.IsSuccessStatusCode ? this : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
            catch (TaskCanceledException)
            {
                return null;
            }
        }, timeout, $"{Name} to become healthy");
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        IsFrozen = false;
    }

    /// <summary>SIGSTOP: the process stops dead (a long GC pause, a frozen VM) but keeps its claims.</summary>
    public void Freeze()
    {
        Signal(Signals.Stop);
        IsFrozen = true;
    }

    public void Thaw()
    {
        Signal(Signals.Cont);
        IsFrozen = false;
    }

    /// <summary>SIGTERM: the orderly stop an orchestrator sends.</summary>
    public void Terminate() => Signal(Signals.Term);

    /// <summary>Waits for the process to exit; false when it is still running after <paramref name="timeout"/>.</summary>
    public bool WaitForExit(TimeSpan timeout) => _process is null || _process.WaitForExit(timeout);

    private void Signal(int signal)
    {
        if (_process is { HasExited: false } process)
        {
            Signals.Send(process.Id, signal);
        }
    }

    private static void Append(string path, string? line)
    {
        if (line is not null)
        {
            lock (LogDirectory)
            {
                File.AppendAllText(path, line + Environment.NewLine);
            }
        }
    }

    public void Dispose()
    {
        if (IsFrozen)
        {
            Thaw();
        }
        Kill();
        _process?.Dispose();
    }
}
