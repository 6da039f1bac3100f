using System.Globalization;
using JobManager.Core.Jobs;
using JobManager.Core.Schedules;
using StackExchange.Redis;

namespace JobManager.Core.Storage;

/// <summary>
/// A job's <see cref="JobCalendar"/> in its hash: <c>tz</c>, <c>start_ms</c>, <c>end_ms</c>, each stored only
/// when not its default (a job's memory is most of JobManager's), so a UTC unbounded job has none of them.
/// </summary>
internal static class JobCalendarFields
{
    /// <summary>Field, value pairs for upsert_job; an empty value removes the field.</summary>
    public static RedisValue[] Write(JobCalendar calendar) =>
    [
        "tz", calendar.TimeZoneId == ScheduleZone.DefaultId ? "" : calendar.TimeZoneId,
        "start_ms", Ms(calendar.Start),
        "end_ms", Ms(calendar.End),
    ];

    public static JobCalendar Read(RedisHash hash)
    {
        var tz = hash.String("tz");
        var start = hash.Long("start_ms");
        var end = hash.Long("end_ms");
        return tz is null && start is null && end is null
            ? JobCalendar.Default
            : new JobCalendar(tz ?? ScheduleZone.DefaultId, Instant(start), Instant(end));
    }

    /// <summary>The same from an HMGET of <c>tz</c>, <c>start_ms</c>, <c>end_ms</c> in that order.</summary>
    public static JobCalendar Read(RedisValue tz, RedisValue start, RedisValue end) =>
        tz.IsNull && start.IsNull && end.IsNull
            ? JobCalendar.Default
            : new JobCalendar(tz.IsNull ? ScheduleZone.DefaultId : (string)tz!, Instant((long?)start), Instant((long?)end));

    private static DateTimeOffset? Instant(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;

    private static string Ms(DateTimeOffset? instant) =>
        instant?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "";
}
