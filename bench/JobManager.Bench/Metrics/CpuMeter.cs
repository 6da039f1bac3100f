using JobManager.Bench.SelfHost;

namespace JobManager.Bench.Metrics;

/// <summary>
/// CPU milliseconds used per role over an interval: dispatchers (summed), Api, Redis, this tool, and
/// every other process on the machine (<see cref="OthersMs"/>: a noisy neighbour shows up here), and the
/// time the hypervisor gave this VM's cores to other VMs (<see cref="StealMs"/>: a noisy host shows up there).
/// </summary>
public sealed record CpuUsage(double DispatchersMs, double ApiMs, double RedisMs, double BenchMs, double OthersMs, double WallMs,
    double StealMs = 0)
{
    /// <summary>Per 1,000 units of work (executions or PUTs) for each role.</summary>
    public CpuUsage Per1000(long units) => units == 0
        ? this with { DispatchersMs = double.NaN, ApiMs = double.NaN, RedisMs = double.NaN, BenchMs = double.NaN, OthersMs = double.NaN }
        : new CpuUsage(DispatchersMs * 1000 / units, ApiMs * 1000 / units, RedisMs * 1000 / units, BenchMs * 1000 / units,
            OthersMs * 1000 / units, WallMs, StealMs);

    /// <summary>The system under test and this tool together.</summary>
    public double OursMs => DispatchersMs + ApiMs + RedisMs + BenchMs;

    /// <summary>Share of one core each role kept busy, in percent.</summary>
    public (double Dispatchers, double Api, double Redis, double Bench, double Others) PercentOfCore =>
        (100 * DispatchersMs / WallMs, 100 * ApiMs / WallMs, 100 * RedisMs / WallMs, 100 * BenchMs / WallMs, 100 * OthersMs / WallMs);
}

/// <summary>
/// Reads the CPU of the system's processes (self-hosted only) and of this tool. Take a
/// <see cref="CpuSample"/> at the start and at the end of an interval and subtract.
/// </summary>
public sealed class CpuMeter(IReadOnlyList<ServiceProcess> processes)
{
    public bool HasServices => processes.Count > 0;

    public CpuSample Sample() => new(
        Sum(ServiceRole.Dispatcher), Sum(ServiceRole.Api), Sum(ServiceRole.Redis),
        Environment.CpuUsage.TotalTime.TotalMilliseconds, ProcessCpu.MachineTimes(), Receiver.WallClock.NowMs);

    private double Sum(ServiceRole role) => processes.Where(p => p.Role == role).Sum(p => ProcessCpu.ReadMs(p.Pid) ?? 0);
}

public sealed record CpuSample(double DispatchersMs, double ApiMs, double RedisMs, double BenchMs, (double BusyMs, double StealMs) Machine,
    double AtMs)
{
    public static CpuUsage operator -(CpuSample end, CpuSample start)
    {
        var ours = end.DispatchersMs - start.DispatchersMs + end.ApiMs - start.ApiMs + end.RedisMs - start.RedisMs +
            end.BenchMs - start.BenchMs;
        return new(
            end.DispatchersMs - start.DispatchersMs, end.ApiMs - start.ApiMs, end.RedisMs - start.RedisMs,
            end.BenchMs - start.BenchMs, Math.Max(0, end.Machine.BusyMs - start.Machine.BusyMs - ours), end.AtMs - start.AtMs,
            end.Machine.StealMs - start.Machine.StealMs);
    }
}
