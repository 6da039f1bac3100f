using System.Diagnostics.CodeAnalysis;

namespace JobManager.Core.Schedules;

/// <summary>
/// The IANA time zones a job's <c>cron(...)</c> and <c>at(...)</c> are read in. The zone database is the
/// operating system's (<c>/usr/share/zoneinfo</c>), which is why the container images carry tzdata.
/// </summary>
public static class ScheduleZone
{
    /// <summary>The default zone, which is also how a job without a <c>timezone</c> is stored.</summary>
    public const string DefaultId = "UTC";

    /// <summary>
    /// Finds an IANA zone by name (case as the database spells it, e.g. <c>Europe/Berlin</c>). Windows names
    /// (<c>W. Europe Standard Time</c>) are refused: the contract names IANA zones only.
    /// </summary>
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone, [NotNullWhen(false)] out string? error)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            error = "must be an IANA time zone name, e.g. \"Europe/Berlin\" or \"UTC\"";
            return false;
        }
        if (id == DefaultId)
        {
            zone = TimeZoneInfo.Utc;
            error = null;
            return true;
        }
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) && found.HasIanaId && found.Id == id)
        {
            zone = found;
            error = null;
            return true;
        }
        error = $"\"{id}\" is not a known IANA time zone name, e.g. \"Europe/Berlin\", \"America/New_York\" or \"UTC\"";
        return false;
    }

    /// <summary>The zone of a stored id; a stored id was validated, so an unknown one (a host without tzdata) fails loudly.</summary>
    public static TimeZoneInfo Find(string? id) => id is null or DefaultId
        ? TimeZoneInfo.Utc
        : TryFind(id, out var zone, out var error) ? zone : throw new TimeZoneNotFoundException(error);

    /// <summary>
    /// The instant of a local wall-clock time, as Cronos reads one: a time skipped by a spring-forward
    /// gap becomes the first valid time after the gap (02:30 on 2027-03-14 in New York is 03:00 EDT); an
    /// ambiguous time in a fall-back overlap is its first occurrence (the daylight one).
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Gaps begin and end on whole minutes: step minute by minute to the first local time that exists.
            var probe = new DateTime(local.Ticks - local.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Unspecified);
            while (zone.IsInvalidTime(probe))
            {
                probe = probe.AddMinutes(1);
            }
            return new DateTimeOffset(probe, zone.GetUtcOffset(probe));
        }
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
