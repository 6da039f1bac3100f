using System.ComponentModel;
using System.Diagnostics;

namespace JobManager.AppHost.Redis;

/// <summary>
/// Asks the container runtime's CLI whether its daemon answers. Aspire's own check is no substitute: with
/// the docker CLI installed but no daemon, a Redis container resource leaves <c>dotnet run</c> waiting
/// about a minute before it fails, and tests time out.
/// </summary>
internal static class DockerDetector
{
    /// <summary>How long <c>docker info</c> may take; a healthy local daemon answers in well under a second.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// True when <c>{cli} info</c> exits with 0 within <see cref="Timeout"/>. A missing CLI, a stopped daemon
    /// and a hung one all answer false.
    /// </summary>
    /// <param name="cli">The container runtime's CLI: <c>docker</c>, or <c>podman</c> where Aspire is told to use it.</param>
    public static bool IsDaemonHealthy(string cli)
    {
        var startInfo = new ProcessStartInfo(cli)
        {
            ArgumentList = { "info", "--format", "{{.ServerVersion}}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        Process? process;
        try
        {
            process = Process.Start(startInfo);
        }
        catch (Win32Exception)
        {
            return false; // the CLI is not installed
        }

        if (process is null)
        {
            return false;
        }

        using (process)
        {
            // Drain both pipes so a chatty CLI cannot block on a full pipe and look hung.
            process.OutputDataReceived += static (_, _) => { };
            process.ErrorDataReceived += static (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            if (process.WaitForExit(Timeout))
            {
                return process.ExitCode == 0;
            }

            process.Kill(entireProcessTree: true);
            return false;
        }
    }
}
