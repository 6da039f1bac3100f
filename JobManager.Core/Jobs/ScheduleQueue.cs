using JobManager.Core.Schedules;

namespace JobManager.Core.Jobs;

/// <summary>
/// Turns a schedule into the instants a job keeps queued in Redis. Lua cannot evaluate cron, so cron
/// and at jobs carry their next few instants computed here; rate jobs carry only the next one, and
/// the claim script adds the period itself.
/// </summary>
public static class ScheduleQueue
{
    /// <summary>A refill that meets a long gap (every dispatcher down for days) counts at most this many skipped instants.</summary>
    private const int MaxSkippedCounted = 100_000;

    public static long PhaseSecondsOf(ScheduleExpression schedule, JobRef job) =>
        schedule is RateScheduleExpression rate ? RatePhase.For(job.Service, job.Job, rate.PeriodSeconds) : 0;

    /// <summary>Up to <paramref name="count"/> instants of a job's schedule strictly after <paramref name="after"/>.</summary>
    public static QueuedInstants Upcoming(
        ScheduleExpression schedule, JobRef job, DateTimeOffset after, int count, JobCalendar? calendar = null) =>
        Upcoming(schedule, PhaseSecondsOf(schedule, job), after, count, calendar);

    /// <summary>Up to <paramref name="count"/> instants strictly after <paramref name="after"/> at a given rate phase.</summary>
    public static QueuedInstants Upcoming(
        ScheduleExpression schedule, long phase, DateTimeOffset after, int count, JobCalendar? calendar = null)
    {
        calendar ??= JobCalendar.Default;
        var zone = calendar.Zone;
        var instants = new List<long>(count);
        var cursor = after;
        while (instants.Count < count && calendar.Next(schedule, cursor, phase, zone) is { } next)
        {
            instants.Add(next.ToUnixTimeMilliseconds());
            cursor = next;
        }
        return new QueuedInstants(instants, IsComplete: instants.Count < count, Skipped: 0);
    }

    /// <summary>
    /// The instants after <paramref name="tailMs"/> for a refill. Instants at or before
    /// <paramref name="notAfterMs"/> are skipped and counted: they are long past, and firing each
    /// of them would flood the service after an outage.
    /// </summary>
    public static QueuedInstants Refill(
        ScheduleExpression schedule, JobRef job, long tailMs, long notAfterMs, int count, JobCalendar? calendar = null)
    {
        calendar ??= JobCalendar.Default;
        var zone = calendar.Zone;
        var phase = PhaseSecondsOf(schedule, job);
        var cursor = DateTimeOffset.FromUnixTimeMilliseconds(tailMs);
        var skipped = 0;
        if (tailMs < notAfterMs)
        {
            var limit = DateTimeOffset.FromUnixTimeMilliseconds(notAfterMs);
            while (skipped < MaxSkippedCounted && calendar.Next(schedule, cursor, phase, zone) is { } next && next <= limit)
            {
                skipped++;
                cursor = next;
            }
            if (skipped == MaxSkippedCounted)
            {
                cursor = limit;
            }
        }
        var upcoming = Upcoming(schedule, phase, cursor, count, calendar);
        return upcoming with { Skipped = skipped };
    }
}

/// <summary>Instants in Unix milliseconds, whether they are all the schedule has left, and how many were skipped.</summary>
public sealed record QueuedInstants(IReadOnlyList<long> InstantsMs, bool IsComplete, int Skipped);
