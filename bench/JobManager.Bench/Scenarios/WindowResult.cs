using JobManager.Bench.Metrics;
using JobManager.Bench.Stats;

namespace JobManager.Bench.Scenarios;

/// <summary>
/// What a rate load did in one measurement window (scheduled instants in [start, end)): lateness,
/// missed and doubled executions, achieved rate, and CPU per role over the window.
/// </summary>
public sealed record WindowResult(
    int OfferedPerSecond,
    long WindowStartMs,
    long WindowEndMs,
    LatencySummary? Lateness,
    DeliveryAudit Audit,
    CpuUsage? Cpu,
    CpuUsage? CpuPer1000Executions)
{
    public double WindowSeconds => (WindowEndMs - WindowStartMs) / 1000.0;

    /// <summary>Expected executions that arrived, per second of window.</summary>
    public double AchievedPerSecond => Audit.Delivered / WindowSeconds;
}
