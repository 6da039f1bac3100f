using System.Globalization;

namespace JobManager.Core.Schedules;

/// <summary>
/// The one way instants are written and converted: UTC, whole seconds, e.g. <c>2019-09-27T17:10:00Z</c>.
/// </summary>
public static class ScheduleTime
{
    private const string Pattern = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'";

    /// <summary>
    /// Formats <paramref name="instant"/> in UTC as <c>yyyy-mm-ddThh:mm:ssZ</c>. A fraction of a second is
    /// dropped (not rounded), so the text never names a second that has not started yet.
    /// </summary>
    public static string Format(DateTimeOffset instant)
        => TruncateToSecond(instant).UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary><paramref name="instant"/> as UTC with any fraction of a second dropped.</summary>
    public static DateTimeOffset TruncateToSecond(DateTimeOffset instant)
        => DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());

    /// <summary>Milliseconds since 1970-01-01T00:00:00Z, the form instants take in Redis.</summary>
    public static long ToUnixMs(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    /// <summary>The UTC instant <paramref name="unixMs"/> milliseconds after 1970-01-01T00:00:00Z.</summary>
    public static DateTimeOffset FromUnixMs(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
}
