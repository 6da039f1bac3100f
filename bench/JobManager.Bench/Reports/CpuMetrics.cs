using JobManager.Bench.Metrics;

namespace JobManager.Bench.Reports;

/// <summary>The CPU lines every load scenario reports (self-hosted only).</summary>
public static class CpuMetrics
{
    public static IEnumerable<Metric> Of(CpuUsage? cpu, long executions, string suffix = "")
    {
        if (cpu is null)
        {
            yield break;
        }
        var per1000 = cpu.Per1000(executions);
        yield return Metric.Info("dispatcher CPU per 1,000 executions" + suffix, per1000.DispatchersMs, "ms");
        yield return Metric.Info("Api CPU per 1,000 executions (callbacks)" + suffix, per1000.ApiMs, "ms");
        yield return Metric.Info("Redis CPU per 1,000 executions" + suffix, per1000.RedisMs, "ms");
        yield return Metric.Info("bench CPU per 1,000 executions" + suffix, per1000.BenchMs, "ms");
        yield return Metric.Info("CPU busy: system under test + bench" + suffix, 100 * cpu.OursMs / cpu.WallMs, "% of one core");
        // Other sessions' builds and tests share this box: a high figure here makes the run noisy.
        yield return Metric.Info("CPU busy: other processes" + suffix, 100 * cpu.OthersMs / cpu.WallMs, "% of one core");
        // A VM's cores are shared with other VMs: time stolen here slows every figure above without showing in it.
        yield return Metric.Info("CPU stolen by the hypervisor" + suffix, 100 * cpu.StealMs / cpu.WallMs, "% of one core");
    }
}
