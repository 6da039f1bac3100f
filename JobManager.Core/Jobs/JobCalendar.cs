using JobManager.Core.Schedules;

namespace JobManager.Core.Jobs;

/// <summary>
/// Where and when a job's schedule applies: the time zone its <c>cron</c> and <c>at</c> are read in, and
/// the <c>start_time</c>/<c>end_time</c> bounds no instant may fall outside (both inclusive).
/// </summary>
public sealed record JobCalendar(string TimeZoneId, DateTimeOffset? Start, DateTimeOffset? End)
{
    /// <summary>UTC, unbounded: a job that sets none of the fields.</summary>
    public static readonly JobCalendar Default = new(ScheduleZone.DefaultId, null, null);

    /// <summary>The zone of <see cref="TimeZoneId"/>.</summary>
    public TimeZoneInfo Zone => ScheduleZone.Find(TimeZoneId);

    /// <summary>The first instant strictly after <paramref name="after"/>, not before the start, not after the end.</summary>
    public DateTimeOffset? Next(ScheduleExpression schedule, DateTimeOffset after, long phaseSeconds, TimeZoneInfo zone)
    {
        // Strictly after one tick before the start: the start itself may be an instant.
        if (Start is { } start && after < start)
        {
            after = start.AddTicks(-1);
        }
        var next = schedule.GetNextOccurrence(after, phaseSeconds, zone);
        return next is { } instant && End is { } end && instant > end ? null : next;
    }
}
