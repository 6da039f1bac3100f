using System.Globalization;

namespace JobManager.Bench.Load;

/// <summary>A job name and its phase (seconds into the period).</summary>
public readonly record struct PhasedJob(string Name, long Phase);

/// <summary>
/// Picks job names by their rate phase, so the bench controls when jobs fire instead of relying on the
/// hash to spread them: <see cref="TakeEven"/> fills every second of the period equally (a truly steady
/// load), <see cref="TakeAt"/> puts every job on one second (waves with quiet gaps between them).
/// </summary>
public sealed class PhasedNames(string service, string prefix, long periodSeconds)
{
    private readonly Dictionary<long, Queue<string>> _spare = [];
    private int _next;

    public string Service => service;

    public long PeriodSeconds => periodSeconds;

    /// <summary><paramref name="perPhase"/> new names for every phase: perPhase × period jobs, perPhase firing each second.</summary>
    public List<PhasedJob> TakeEven(int perPhase)
    {
        var result = new List<PhasedJob>(perPhase * (int)periodSeconds);
        for (var phase = 0L; phase < periodSeconds; phase++)
        {
            result.AddRange(TakeAt(phase, perPhase));
        }
        return result;
    }

    /// <summary><paramref name="count"/> new names whose phase is <paramref name="phase"/>.</summary>
    public List<PhasedJob> TakeAt(long phase, int count) => Take(count, p => p == phase);

    /// <summary><paramref name="count"/> new names whose phase satisfies <paramref name="accept"/>.</summary>
    public List<PhasedJob> Take(int count, Func<long, bool> accept)
    {
        var result = new List<PhasedJob>(count);
        foreach (var (phase, spare) in _spare)
        {
            while (result.Count < count && accept(phase) && spare.Count > 0)
            {
                result.Add(new PhasedJob(spare.Dequeue(), phase));
            }
        }
        while (result.Count < count)
        {
            var name = prefix + (_next++).ToString("D7", CultureInfo.InvariantCulture);
            var phase = RatePhase.Of(service, name, periodSeconds);
            if (accept(phase))
            {
                result.Add(new PhasedJob(name, phase));
            }
            else if (periodSeconds <= 3600)
            {
                // Keep rejected names for a later request with another phase; with long periods
                // (rate(1 day)) almost every name is accepted and nothing is worth keeping.
                if (!_spare.TryGetValue(phase, out var queue))
                {
                    _spare[phase] = queue = new Queue<string>();
                }
                queue.Enqueue(name);
            }
        }
        return result;
    }
}
