using JobManager.Bench.Client;
using JobManager.Bench.Load;
using JobManager.Bench.Receiver;
using JobManager.Bench.Stats;

namespace JobManager.Bench.Scenarios;

/// <summary>
/// A steady load of <c>rate(P seconds)</c> jobs with their phases spread evenly, so exactly R jobs are
/// due at every whole second: R × P jobs give R executions/s. Grows by adding jobs; measures windows
/// of scheduled instants against the executions the phases say must happen.
/// </summary>
public sealed class RateLoad(ScenarioContext context, string service)
{
    private readonly PhasedNames _names = new(service, "job-", context.Options.PeriodSeconds);
    private readonly List<JobSpec> _specs = [];
    private readonly Dictionary<string, long> _phaseByJob = [];

    public int Rate { get; private set; }

    public IReadOnlyList<JobSpec> Specs => _specs;

    /// <summary>Jobs whose first instant from the Api was not on their documented phase.</summary>
    public int PhaseMismatches { get; private set; }

    private long Period => context.Options.PeriodSeconds;

    /// <summary>Adds jobs until <paramref name="rate"/> are due every second.</summary>
    public async Task<BulkPutResult?> GrowToAsync(int rate)
    {
        if (rate <= Rate)
        {
            return null;
        }
        var jobs = _names.TakeEven(rate - Rate);
        var specs = jobs.Select(j => context.Job(service, j.Name, $"rate({Period} seconds)")).ToList();
        var result = await context.CreateAsync($"{rate:N0}/s: create", specs);
        foreach (var job in jobs)
        {
            _phaseByJob[job.Name] = job.Phase;
            if (result.NextMsByJob[job.Name] is not { } next || RatePhase.Mod(next / 1000 - job.Phase, Period) != 0 || next % 1000 != 0)
            {
                PhaseMismatches++;
            }
        }
        _specs.AddRange(specs);
        Rate = rate;
        return result;
    }

    /// <summary>
    /// The first whole second at which every job has fired at least once since it was created, so a
    /// window from there holds only regular instants.
    /// </summary>
    public long SettledFromMs() => ((long)WallClock.NowMs / 1000 + Period + 1) * 1000;

    /// <summary>
    /// Measures the instants in [<paramref name="startMs"/>, <paramref name="endMs"/>): waits through
    /// the window sampling CPU at both ends, then up to <paramref name="drain"/> for late webhooks.
    /// </summary>
    public async Task<WindowResult> MeasureAsync(long startMs, long endMs, TimeSpan drain, string label)
    {
        var token = context.CancellationToken;
        var expected = new HashSet<(string Job, long InstantMs)>();
        foreach (var (job, phase) in _phaseByJob)
        {
            foreach (var instant in RatePhase.InstantsMs(phase, Period, startMs, endMs))
            {
                expected.Add((job, instant));
            }
        }
        bool InWindow(Arrival a) => a.Service == service && a.ScheduledMs >= startMs && a.ScheduledMs < endMs;

        await using (context.Progress(label, () => Phase(startMs, endMs)))
        {
            await WallClock.UntilAsync(startMs, token);
            var cpuStart = context.Cpu.Sample();
            await WallClock.UntilAsync(endMs, token);
            var cpuEnd = context.Cpu.Sample();

            var deadline = endMs + drain.TotalMilliseconds;
            List<Arrival> arrivals;
            while (true)
            {
                arrivals = context.Receiver.Arrivals.Select(InWindow);
                if (arrivals.Select(a => (a.Job, a.ScheduledMs)).Distinct().Count() >= expected.Count || WallClock.NowMs >= deadline)
                {
                    break;
                }
                await Task.Delay(250, token);
            }
            var audit = DeliveryAudit.Of(expected, arrivals);
            var cpu = context.Cpu.HasServices ? cpuEnd - cpuStart : null;
            return new WindowResult(Rate, startMs, endMs, LatencySummary.Of(arrivals.Select(a => a.LatenessMs)), audit,
                cpu, cpu?.Per1000(audit.Delivered));
        }
    }

    private static string Phase(long startMs, long endMs)
    {
        var now = WallClock.NowMs;
        return now < startMs ? $"settling, window in {(startMs - now) / 1000:0}s"
            : now < endMs ? $"measuring, {(endMs - now) / 1000:0}s left"
            : "waiting for late webhooks";
    }
}
