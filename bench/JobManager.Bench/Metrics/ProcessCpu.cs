using System.Diagnostics;
using System.Globalization;

namespace JobManager.Bench.Metrics;

/// <summary>CPU time a process has used so far, from <c>/proc/&lt;pid&gt;/stat</c> (utime + stime, all threads).</summary>
public static class ProcessCpu
{
    private static readonly Lazy<double> TicksPerSecond = new(ReadClockTicks);

    /// <summary>User + system CPU of <paramref name="pid"/> in milliseconds, or null when it is gone.</summary>
    public static double? ReadMs(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        // The command name (field 2) is in parentheses and may hold spaces; count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state), so utime (field 14) is fields[11] and stime (field 15) fields[12].
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 1000.0 / TicksPerSecond.Value;
    }

    /// <summary>
    /// CPU time the whole machine has spent busy (all cores: user, nice, system, irq, softirq) and the time
    /// the hypervisor ran something else while this VM wanted a core (steal), since boot, from the first
    /// line of <c>/proc/stat</c>, in milliseconds.
    /// </summary>
    public static (double BusyMs, double StealMs) MachineTimes()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // cpu user nice system idle iowait irq softirq steal ...
        long Field(int i) => long.Parse(cpu[i], CultureInfo.InvariantCulture);
        var busy = Field(1) + Field(2) + Field(3) + Field(6) + Field(7);
        return (busy * 1000.0 / TicksPerSecond.Value, Field(8) * 1000.0 / TicksPerSecond.Value);
    }

    private static double ReadClockTicks()
    {
        try
        {
            using var getconf = Process.Start(
                new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true, UseShellExecute = false });
            var text = getconf!.StandardOutput.ReadToEnd().Trim();
            getconf.WaitForExit();
            return double.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or FormatException)
        {
            return 100; // USER_HZ on every mainstream Linux build.
        }
    }
}
