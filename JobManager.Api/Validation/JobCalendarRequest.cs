using System.Globalization;
using JobManager.Core.Jobs;
using JobManager.Core.Schedules;

namespace JobManager.Api.Validation;

/// <summary>Reads a job's <c>timezone</c>, <c>start_time</c> and <c>end_time</c>; each optional.</summary>
public static class JobCalendarRequest
{
    public static readonly string[] Fields = ["timezone", "start_time", "end_time"];

    public static JobCalendar Read(JsonFields fields, ValidationErrors errors)
    {
        var zoneId = fields.String("timezone") ?? ScheduleZone.DefaultId;
        if (!ScheduleZone.TryFind(zoneId, out _, out var zoneError))
        {
            errors.Add("timezone", zoneError);
            zoneId = ScheduleZone.DefaultId;
        }
        var start = Instant(fields, "start_time", errors);
        var end = Instant(fields, "end_time", errors);
        if (start is { } from && end is { } to && to <= from)
        {
            errors.Add("end_time", $"must be after start_time ({ScheduleTimestamp(from)}), got {ScheduleTimestamp(to)}");
        }
        return zoneId == ScheduleZone.DefaultId && start is null && end is null
            ? JobCalendar.Default
            : new JobCalendar(zoneId, start, end);
    }

    /// <summary>An ISO-8601 instant with <c>Z</c> or an offset (read as UTC), or null.</summary>
    public static DateTimeOffset? Instant(JsonFields fields, string name, ValidationErrors errors)
    {
        var text = fields.String(name, "must be an ISO-8601 UTC instant such as \"2027-01-01T00:00:00Z\", or null");
        if (text is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var value)
            && HasZone(text))
        {
            return value.ToUniversalTime();
        }
        errors.Add(name, $"must be an ISO-8601 UTC instant such as \"2027-01-01T00:00:00Z\", got \"{text}\"");
        return null;
    }

    // "2027-01-01T00:00:00" names no instant until a zone is given: refused rather than guessed.
    private static bool HasZone(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static string ScheduleTimestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
