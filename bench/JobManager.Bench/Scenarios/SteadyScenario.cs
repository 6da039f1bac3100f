using JobManager.Bench.Receiver;
using JobManager.Bench.Reports;

namespace JobManager.Bench.Scenarios;

/// <summary>
/// A fixed load (default 1,000 executions/s) for a set time, with callbacks: lateness percentiles and
/// executions missed or doubled. Target: p99 ≤ 50 ms, 0 missed, 0 doubled.
/// </summary>
public sealed class SteadyScenario : IScenario
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(15);

    public string Name => "steady";

    public async Task<ScenarioReport> RunAsync(ScenarioContext context)
    {
        var started = WallClock.Now;
        var options = context.Options;
        var service = context.ServiceName("steady");
        var load = new RateLoad(context, service);
        var put = await load.GrowToAsync(options.SteadyRate);
        var startMs = load.SettledFromMs();
        var window = await load.MeasureAsync(startMs, startMs + options.SteadySeconds * 1000L, Drain, $"{options.SteadyRate:N0}/s");

        var notes = new List<string>();
        if (load.PhaseMismatches > 0)
        {
            notes.Add($"{load.PhaseMismatches} jobs got a first instant off their documented rate phase");
        }
        var lateness = window.Lateness;
        var metrics = new List<Metric>
        {
            Metric.Info("offered load", options.SteadyRate, "executions/s"),
            Metric.Info("achieved (expected executions delivered / window)", window.AchievedPerSecond, "executions/s"),
            Metric.Info("lateness p50", lateness?.P50, "ms"),
            Metric.Info("lateness p95", lateness?.P95, "ms"),
            Metric.AtMost("lateness p99", lateness?.P99, "ms", 50, "≤ 50 ms"),
            Metric.Info("lateness max", lateness?.Max, "ms"),
            Metric.AtMost("missed", window.Audit.Missed, "", 0, "0"),
            Metric.AtMost("doubled (same execution id)", window.Audit.DoubledByExecutionId, "", 0, "0"),
            Metric.AtMost("doubled (same job and instant)", window.Audit.DoubledByInstant, "", 0, "0"),
        };
        metrics.AddRange(CpuMetrics.Of(window.Cpu, window.Audit.Delivered));
        var details = new
        {
            Jobs = load.Specs.Count,
            context.Options.PeriodSeconds,
            Put = put is null ? null : new { put.Created, ElapsedMs = put.Elapsed.TotalMilliseconds, put.PerSecond },
            Window = window,
            LatenessBySecond = LatenessBySecond(context, service, window),
        };
        await context.CleanUpAsync(load.Specs);
        return context.Report(Name, started, metrics, details, notes);
    }

    /// <summary>p99 and max lateness of each scheduled second: shows whether lateness is steady or grows.</summary>
    private static IReadOnlyList<object> LatenessBySecond(ScenarioContext context, string service, WindowResult window) =>
        [.. context.Receiver.Arrivals
            .Select(a => a.ScheduledMs >= window.WindowStartMs && a.ScheduledMs < window.WindowEndMs && a.Service == service)
            .GroupBy(a => a.ScheduledMs)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var l = Stats.LatencySummary.Of(g.Select(a => a.LatenessMs))!;
                return (object)new { ScheduledMs = g.Key, l.Count, l.P50, l.P99, l.Max };
            })];
}
