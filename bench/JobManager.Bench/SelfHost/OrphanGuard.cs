using System.Diagnostics;

namespace JobManager.Bench.SelfHost;

/// <summary>
/// Kills the started processes if this tool dies without cleaning up (SIGKILL, a crash in native code).
/// A detached shell polls this process once a second; when it is gone, it kills every pid listed in
/// the pid file. Normal exits and Ctrl-C are handled by disposing the children; this is the backstop.
/// </summary>
public sealed class OrphanGuard : IDisposable
{
    private readonly string _pidFile;
    private readonly Process _watcher;

    public OrphanGuard(string directory)
    {
        _pidFile = Path.Combine(directory, "children.pids");
        File.WriteAllText(_pidFile, "");
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; " +
                     $"for p in $(cat '{_pidFile}'); do kill -9 $p 2>/dev/null; done";
        var info = new ProcessStartInfo("setsid", ["sh", "-c", script])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _watcher = Process.Start(info) ?? throw new InvalidOperationException("could not start the orphan guard");
    }

    public void Track(int pid) => File.AppendAllText(_pidFile, pid + "\n");

    public void Dispose()
    {
        // The children are gone by now; stop the watcher so it does not outlive us by a second.
        try
        {
            _watcher.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        _watcher.Dispose();
    }
}
