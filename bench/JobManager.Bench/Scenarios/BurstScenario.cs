using System.Globalization;
using JobManager.Bench.Client;
using JobManager.Bench.Metrics;
using JobManager.Bench.Receiver;
using JobManager.Bench.Reports;
using JobManager.Bench.Stats;

namespace JobManager.Bench.Scenarios;

/// <summary>
/// N jobs all due at one instant (<c>at(...)</c>): how long after the instant the last webhook arrives,
/// and the lateness percentiles. Target: all 10,000 delivered ≤ 0.6 s after the instant.
/// </summary>
public sealed class BurstScenario : IScenario
{
    private const double TargetAllDeliveredMs = 600;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public string Name => "burst";

    /// <summary>
    /// The services take 2 s to do their work before calling back: the figure is the dispatch of the
    /// burst, and the issue asks for callbacks in the steady and ceiling loads, not in this one.
    /// <c>--callback-delay-ms 0</c> measures the burst with every callback competing for the CPU.
    /// </summary>
    public int DefaultCallbackDelayMs => 2_000;

    public async Task<ScenarioReport> RunAsync(ScenarioContext context)
    {
        var started = WallClock.Now;
        var notes = new List<string>();
        var jobs = context.Options.BurstJobs;

        // Warm-up: bursts of the same size first, so the services have JIT-compiled their hot paths to
        // tier 1 and opened their connections, as a long-running deployment has. A small warm-up was
        // not enough: with tiered PGO the dispatcher was still re-compiling (instrumented tier, then
        // tier 1) during the measured burst, a large share of its CPU. It also tells how fast jobs can
        // be created before the real instant is set.
        var warmup = new List<JobSpec>();
        var warmupCount = Math.Clamp(context.Options.BurstWarmupJobs ?? jobs, 50, jobs);
        BulkPutResult? warmupPut = null;
        for (var round = 1; round <= context.Options.BurstWarmupRounds; round++)
        {
            var warmupService = context.ServiceName($"burst-warmup{round}");
            // Lead time for creating them at a pessimistic 300 PUT/s (or the last round's rate): at()
            // instants already past never fire.
            var warmupLeadMs = warmupPut is null ? 3_000 + warmupCount * 1000 / 300 : warmupCount / warmupPut.PerSecond * 1500 + 3_000;
            var warmupInstant = NextSecond(WallClock.NowMs + warmupLeadMs);
            var roundSpecs = Enumerable.Range(0, warmupCount)
                .Select(i => context.Job(warmupService, $"w{i:D6}", At(warmupInstant)))
                .ToList();
            warmup.AddRange(roundSpecs);
            warmupPut = await context.CreateAsync($"warm-up {round}: create", roundSpecs);
            await WaitForAsync(context, warmupService, warmupCount, warmupInstant + 60_000, $"warm-up {round}");
            await context.WaitForCallbacksAsync(TimeSpan.FromSeconds(30));
            // Tier-1 recompilation runs in the background once calls quiet down (100 ms tiering delay).
            await Task.Delay(TimeSpan.FromSeconds(3), context.CancellationToken);
        }
        var putPerSecond = warmupPut?.PerSecond ?? 300;

        // The instant: far enough ahead for every PUT to land first, at 1.5× the observed creation time.
        var service = context.ServiceName("burst");
        var leadMs = Math.Max(5_000, jobs / putPerSecond * 1500 + 3_000);
        var instant = NextSecond(WallClock.NowMs + leadMs);
        var specs = Enumerable.Range(0, jobs).Select(i => context.Job(service, $"b{i:D6}", At(instant))).ToList();
        var put = await context.CreateAsync("create", specs);
        var createdAheadMs = instant - WallClock.NowMs;
        if (createdAheadMs < 500)
        {
            notes.Add($"INVALID: the last job was created only {createdAheadMs:0} ms before the instant; rerun with fewer --jobs");
        }
        var wrongInstant = put.NextMsByJob.Values.Count(next => next != instant);
        if (wrongInstant > 0)
        {
            notes.Add($"{wrongInstant} jobs answered a next_scheduled_time_ms other than the at() instant {instant}");
        }

        var commandsStart = context.Redis is null ? null : await context.Redis.CommandsAsync();
        await WallClock.UntilAsync(instant, context.CancellationToken);
        var cpuStart = context.Cpu.Sample();
        await WaitForAsync(context, service, jobs, instant + (long)Timeout.TotalMilliseconds, "burst");
        var cpuEnd = context.Cpu.Sample();
        // Round trips per execution include the callbacks, so let those finish first.
        await context.WaitForCallbacksAsync(TimeSpan.FromSeconds(15));
        var commandsEnd = context.Redis is null ? null : await context.Redis.CommandsAsync();

        var arrivals = context.Receiver.Arrivals.Select(a => a.Service == service);
        var expected = specs.Select(s => (s.Job, instant)).ToHashSet();
        var audit = DeliveryAudit.Of(expected, arrivals);
        var lateness = LatencySummary.Of(arrivals.Select(a => a.LatenessMs));
        double? lastAfterInstant = audit.Missed == 0 && arrivals.Count > 0 ? arrivals.Max(a => a.ArrivalMs) - instant : null;
        double? firstAfterInstant = arrivals.Count > 0 ? arrivals.Min(a => a.ArrivalMs) - instant : null;
        if (audit.Missed > 0)
        {
            notes.Add($"{audit.Missed} of {jobs} webhooks had not arrived {Timeout.TotalSeconds:0} s after the instant");
        }
        double? deliveryRate = arrivals.Count > 1 && firstAfterInstant is { } first && lastAfterInstant is { } last && last > first
            ? arrivals.Count / ((last - first) / 1000) : null;
        var cpu = context.Cpu.HasServices ? cpuEnd - cpuStart : null;
        var commands = commandsStart is null || commandsEnd is null
            ? null
            : Metrics.CommandSample.PerUnit(commandsEnd, commandsStart, Math.Max(1, arrivals.Count));

        var metrics = new List<Metric>
        {
            Metric.AtMost($"all {jobs:N0} delivered after the instant", lastAfterInstant, "ms", TargetAllDeliveredMs, "≤ 600 ms"),
            Metric.Info("first webhook after the instant", firstAfterInstant, "ms"),
            Metric.Info("lateness p50", lateness?.P50, "ms"),
            Metric.Info("lateness p95", lateness?.P95, "ms"),
            Metric.Info("lateness p99", lateness?.P99, "ms"),
            Metric.Info("lateness max", lateness?.Max, "ms"),
            Metric.Info("delivery rate, first to last", deliveryRate, "webhooks/s"),
            Metric.AtMost("missed", audit.Missed, "", 0, "0"),
            Metric.AtMost("doubled (same execution id)", audit.DoubledByExecutionId, "", 0, "0"),
            Metric.AtMost("doubled (same job and instant)", audit.DoubledByInstant, "", 0, "0"),
            Metric.Info("PUT rate while creating", put.PerSecond, "jobs/s"),
        };
        metrics.AddRange(CpuMetrics.Of(cpu, arrivals.Count));
        metrics.AddRange(RedisCommandMetrics.Of(commands));
        var details = new
        {
            Jobs = jobs,
            InstantMs = instant,
            Instant = DateTimeOffset.FromUnixTimeMilliseconds(instant).ToString("O", CultureInfo.InvariantCulture),
            CreatedAheadOfInstantMs = createdAheadMs,
            Put = new { put.Created, ElapsedMs = put.Elapsed.TotalMilliseconds, put.PerSecond },
            Warmup = new { Jobs = warmupCount, Rounds = context.Options.BurstWarmupRounds, PutPerSecond = warmupPut?.PerSecond },
            Lateness = lateness,
            Audit = audit,
            Cpu = cpu,
            CpuPer1000Executions = cpu?.Per1000(arrivals.Count),
            RedisCommandsPerExecution = commands,
            ArrivalHistogram = Histogram(arrivals, instant),
        };
        await context.CleanUpAsync([.. warmup, .. specs]);
        return context.Report(Name, started, metrics, details, notes);
    }

    /// <summary>Webhooks per 100 ms after the instant: the shape of the burst's delivery.</summary>
    private static SortedDictionary<long, int> Histogram(IEnumerable<Arrival> arrivals, long instant) =>
        new(arrivals.GroupBy(a => (long)Math.Floor((a.ArrivalMs - instant) / 100) * 100).ToDictionary(g => g.Key, g => g.Count()));

    private static async Task WaitForAsync(ScenarioContext context, string service, int count, double untilMs, string label)
    {
        await using var progress = context.Progress(label, () => $"{context.Receiver.Arrivals.CountFor(service):N0}/{count:N0} delivered");
        while (context.Receiver.Arrivals.CountFor(service) < count && WallClock.NowMs < untilMs)
        {
            await Task.Delay(20, context.CancellationToken);
        }
    }

    private static long NextSecond(double unixMs) => ((long)unixMs / 1000 + 1) * 1000;

    private static string At(long unixMs) =>
        $"at({DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime
            .ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)})";
}
