using System.Text.Json.Serialization;
using JobManager.Bench.Client;
using JobManager.Bench.Load;
using JobManager.Bench.Metrics;
using JobManager.Bench.Receiver;
using JobManager.Bench.Reports;

namespace JobManager.Bench.Scenarios;

/// <summary>
/// What JobManager costs: Redis memory per job and per retained execution (INFO memory deltas), PUT
/// throughput with concurrent clients, and CPU per 1,000 executions (self-hosted only).
/// Targets: ≤ 1.5 KB per job, ≤ 0.5 KB per retained execution, ≥ 5,000 PUT/s.
/// </summary>
public sealed class CostScenario : IScenario
{
    public string Name => "cost";

    public async Task<ScenarioReport> RunAsync(ScenarioContext context)
    {
        var started = WallClock.Now;
        var options = context.Options;
        var notes = new List<string>();
        if (context.Redis is null)
        {
            notes.Add("no Redis endpoint (--redis HOST:PORT): memory figures not measured");
        }
        else if (context.System is SelfHost.LiveSystem)
        {
            notes.Add("live system: memory deltas include whatever else the system did meanwhile");
        }

        // 0. Warm-up: a fresh Api JIT-compiles its PUT path on the first requests, and tiered PGO
        // recompiles the hot methods only after they are called again once a quiet spell has armed its
        // call counting: with one warm-up round the rate-job PUTs still spent a good part of the Api's CPU
        // in the JIT, and ran markedly slower than the cron PUTs right after them. So two rounds,
        // each as many jobs as are measured, of both kinds, none due during the run, with a pause after
        // each; they exist before the memory baseline, so they count in neither figure.
        var warmupService = context.ServiceName("cost-warmup");
        var warmupSecondOfDay = (long)WallClock.NowMs / 1000 % 86_400;
        var warmupHour = ((long)WallClock.NowMs / 3_600_000 + 12) % 24;
        var warmupRates = new PhasedNames(warmupService, "w", 86_400)
            .Take(options.CostJobs, phase => RatePhase.Mod(phase - warmupSecondOfDay, 86_400) > 3_600);
        var warmup = new List<JobSpec>();
        for (var round = 0; round < 2; round++)
        {
            var jobs = warmupRates.Skip(round * options.CostJobs / 2).Take(options.CostJobs / 2)
                .Select(j => context.Job(warmupService, j.Name, "rate(1 day)"))
                .Concat(Enumerable.Range(0, options.CostJobs - options.CostJobs / 2)
                    .Select(i => context.Job(warmupService, $"wc{round}-{i:D7}", $"cron({i % 60} {warmupHour} * * ? *)")))
                .ToList();
            await context.CreateAsync($"warm-up {round + 1}: create", jobs);
            await Task.Delay(TimeSpan.FromSeconds(3), context.CancellationToken);
            warmup.AddRange(jobs);
        }

        // 1. Jobs: rate(1 day) jobs whose instant is not in the next hour (none fires during the run),
        // then daily cron jobs set 12 hours away (each keeps its next 8 instants queued).
        var memoryStart = await SampleAsync(context);
        var nowSecondOfDay = (long)WallClock.NowMs / 1000 % 86_400;
        var rateService = context.ServiceName("cost-rate");
        var rateJobs = new PhasedNames(rateService, "r", 86_400)
            .Take(options.CostJobs, phase => RatePhase.Mod(phase - nowSecondOfDay, 86_400) > 3_600)
            .Select(j => context.Job(rateService, j.Name, "rate(1 day)")).ToList();
        var cpuBeforePut = context.Cpu.Sample();
        var ratePut = await context.CreateAsync("rate jobs: create", rateJobs);
        var cpuAfterPut = context.Cpu.Sample();
        var memoryRate = await SampleAsync(context);

        var cronHour = ((long)WallClock.NowMs / 3_600_000 + 12) % 24;
        var cronService = context.ServiceName("cost-cron");
        var cronJobs = Enumerable.Range(0, options.CostJobs)
            .Select(i => context.Job(cronService, $"c{i:D7}", $"cron({i % 60} {cronHour} * * ? *)"))
            .ToList();
        var cronPut = await context.CreateAsync("cron jobs: create", cronJobs);
        var memoryCron = await SampleAsync(context);

        // 2. Executions: jobs that all fire on one second of the period, so waves alternate with quiet
        // gaps in which nothing is pending; memory after the first wave vs after the last, divided by the
        // executions in between, is the cost of a retained (finished, kept for retention) execution.
        var waves = await RunWavesAsync(context, notes);

        double? PerItem(MemorySample? after, MemorySample? before, long count) =>
            after is null || before is null || count == 0 ? null : (after.UsedBytes - before.UsedBytes) / (double)count;
        var perRateJob = PerItem(memoryRate, memoryStart, rateJobs.Count);
        var perCronJob = PerItem(memoryCron, memoryRate, cronJobs.Count);
        var perExecution = PerItem(waves.MemoryAfter, waves.MemoryBefore, waves.Executions);
        var putCpu = context.Cpu.HasServices ? (cpuAfterPut - cpuBeforePut).Per1000(rateJobs.Count) : null;

        var metrics = new List<Metric>
        {
            Metric.AtMost("Redis memory per job, rate(1 day)", perRateJob, "bytes", 1_536, "≤ 1.5 KB"),
            Metric.AtMost("Redis memory per job, daily cron", perCronJob, "bytes", 1_536, "≤ 1.5 KB"),
            Metric.AtMost("Redis memory per retained execution", perExecution, "bytes", 512, "≤ 0.5 KB"),
            Metric.AtLeast(
                $"PUT throughput, rate jobs ({options.PutConcurrency} clients)", ratePut.PerSecond, "jobs/s", 5_000, "≥ 5,000/s"),
            Metric.Info($"PUT throughput, cron jobs ({options.PutConcurrency} clients)", cronPut.PerSecond, "jobs/s"),
        };
        metrics.AddRange(CpuMetrics.Of(waves.Cpu, waves.Executions));
        metrics.AddRange(RedisCommandMetrics.Of(waves.RedisCommandsPerExecution));
        if (putCpu is not null)
        {
            metrics.Add(Metric.Info("Api CPU per 1,000 PUTs", putCpu.ApiMs, "ms"));
            metrics.Add(Metric.Info("Redis CPU per 1,000 PUTs", putCpu.RedisMs, "ms"));
        }
        var details = new
        {
            Memory = new
            {
                Start = memoryStart, AfterRateJobs = memoryRate, AfterCronJobs = memoryCron, waves.MemoryBefore, waves.MemoryAfter,
            },
            RateJobs = new { ratePut.Created, ElapsedMs = ratePut.Elapsed.TotalMilliseconds, ratePut.PerSecond, CpuPer1000Puts = putCpu },
            CronJobs = new { cronPut.Created, ElapsedMs = cronPut.Elapsed.TotalMilliseconds, cronPut.PerSecond, CronHourUtc = cronHour },
            Waves = waves,
        };
        await context.CleanUpAsync([.. warmup, .. rateJobs, .. cronJobs, .. waves.Specs]);
        return context.Report(Name, started, metrics, details, notes);
    }

    private static async Task<WaveResult> RunWavesAsync(ScenarioContext context, List<string> notes)
    {
        var options = context.Options;
        var period = options.PeriodSeconds;
        var service = context.ServiceName("cost-exec");
        // All on one phase: a wave every period, quiet in between.
        var jobs = new PhasedNames(service, "e", period).TakeAt(0, options.CostExecutionJobs);
        var specs = jobs.Select(j => context.Job(service, j.Name, $"rate({period} seconds)")).ToList();
        await context.CreateAsync("execution jobs: create", specs);

        var firstWave = ((long)WallClock.NowMs / 1000 / period + 1) * period * 1000;
        MemorySample? before = null;
        CpuSample? cpuBefore = null;
        CommandSample? commandsBefore = null;
        long executions = 0;
        // Two waves before the measured ones: a dispatcher that has not dispatched yet runs its delivery
        // path JIT-compiled at tier 0 and recompiles it over its first waves (most of its CPU in the JIT
        // during the second wave), which says nothing of what an execution costs once it is warm.
        const int warmupWaves = 2;
        for (var wave = 0; wave < warmupWaves + options.CostWaves; wave++)
        {
            var instant = firstWave + wave * period * 1000;
            // Sampled well before the next wave: dispatchers claim a wave up to 1.5 s ahead
            // (Dispatcher:ClaimAheadMilliseconds), and its reservations are not retained executions.
            var quietBy = instant + period * 1000 - 2_500;
            var label = wave < warmupWaves
                ? $"warm-up wave {wave + 1}/{warmupWaves}"
                : $"wave {wave - warmupWaves + 1}/{options.CostWaves}";
            var done = await WaitForWaveAsync(context, service, instant, specs.Count, quietBy, label);
            if (!done)
            {
                notes.Add($"wave at {instant} did not finish (all webhooks and callbacks) within {period - 1} s; "
                    + "memory per execution is approximate");
            }
            if (wave == warmupWaves - 1)
            {
                before = await SampleAsync(context);
                cpuBefore = context.Cpu.Sample();
                commandsBefore = context.Redis is null ? null : await context.Redis.CommandsAsync();
            }
            else if (wave >= warmupWaves)
            {
                executions += context.Receiver.Arrivals.Select(a => a.Service == service && a.ScheduledMs == instant).Count;
            }
        }
        var cpu = context.Cpu.HasServices ? context.Cpu.Sample() - cpuBefore! : null;
        var commandsAfter = context.Redis is null ? null : await context.Redis.CommandsAsync();
        var after = await SampleAsync(context);
        var commands = commandsBefore is null || commandsAfter is null || executions == 0
            ? null
            : CommandSample.PerUnit(commandsAfter, commandsBefore, executions);
        return new WaveResult(specs, options.CostWaves, executions, before, after, cpu, cpu?.Per1000(executions), commands);
    }

    /// <summary>Waits until a wave's webhooks have all arrived and every callback is answered, then a little more.</summary>
    private static async Task<bool> WaitForWaveAsync(
        ScenarioContext context, string service, long instant, int count, long quietBy, string label)
    {
        await using var progress = context.Progress(label);
        await WallClock.UntilAsync(instant, context.CancellationToken);
        while (WallClock.NowMs < quietBy)
        {
            var arrived = context.Receiver.Arrivals.Select(a => a.Service == service && a.ScheduledMs == instant).Count;
            if (arrived >= count && context.Receiver.Callbacks.Outstanding == 0)
            {
                // The dispatcher records mark_started after the 200; give the last ones time to land.
                await Task.Delay(500, context.CancellationToken);
                return true;
            }
            await Task.Delay(50, context.CancellationToken);
        }
        return false;
    }

    private static async Task<MemorySample?> SampleAsync(ScenarioContext context) =>
        context.Redis is null ? null : await context.Redis.MemoryAsync();

    private sealed record WaveResult(
        [property: JsonIgnore] IReadOnlyList<JobSpec> Specs,
        int Waves,
        long Executions,
        MemorySample? MemoryBefore,
        MemorySample? MemoryAfter,
        CpuUsage? Cpu, CpuUsage? CpuPer1000, IReadOnlyList<CommandRate>? RedisCommandsPerExecution);
}
