using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace JobManager.Bench.Reports;

/// <summary>The machine a run happened on: cores, memory, CPU model, OS and runtime.</summary>
public sealed record MachineInfo(int Cores, double MemoryGib, string CpuModel, string Os, string Runtime)
{
    public static MachineInfo Read() => new(
        Environment.ProcessorCount,
        Math.Round(MemTotalKiB() / 1024.0 / 1024.0, 1),
        ReadCpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    private static long MemTotalKiB() => ProcLine("/proc/meminfo", "MemTotal") is { } line
        ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture)
        : 0;

    private static string ReadCpuModel() => ProcLine("/proc/cpuinfo", "model name") ?? "unknown";

    private static string? ProcLine(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        return File.ReadLines(path)
            .Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => l.Split(':', 2)[1].Trim())
            .FirstOrDefault();
    }

    /// <summary><c>git rev-parse --short HEAD</c> of the repository, with "-dirty" when it has changes.</summary>
    public static string? Commit(string repoRoot)
    {
        var head = Git(repoRoot, "rev-parse --short HEAD");
        if (head is null)
        {
            return null;
        }
        var status = Git(repoRoot, "status --porcelain --untracked-files=no");
        return string.IsNullOrWhiteSpace(status) ? head : head + "-dirty";
    }

    private static string? Git(string repoRoot, string arguments)
    {
        try
        {
            var info = new ProcessStartInfo("git", $"-C \"{repoRoot}\" {arguments}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(info)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
