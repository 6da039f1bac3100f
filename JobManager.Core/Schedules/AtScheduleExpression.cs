using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace JobManager.Core.Schedules;

/// <summary>
/// <c>at(yyyy-mm-ddThh:mm:ss)</c>: one run at an instant in UTC, EventBridge Scheduler's one-time form. The
/// format is exact: no offset, no <c>Z</c>, no fraction, two digits for every part but the year.
/// </summary>
public sealed class AtScheduleExpression : ScheduleExpression
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss";

    private AtScheduleExpression(string text, DateTimeOffset instant)
        : base(text) => Instant = instant;

    /// <inheritdoc />
    public override ScheduleKind Kind => ScheduleKind.At;

    /// <summary>The one instant the schedule fires, in UTC.</summary>
    public DateTimeOffset Instant { get; }

    /// <summary><see cref="Instant"/> when it is strictly after <paramref name="after"/>, otherwise null.</summary>
    public override DateTimeOffset? GetNextOccurrence(DateTimeOffset after, long phaseSeconds)
        => Instant > after ? Instant : null;

    /// <summary>The written date and time read in <paramref name="zone"/>, when strictly after <paramref name="after"/>.</summary>
    public override DateTimeOffset? GetNextOccurrence(DateTimeOffset after, long phaseSeconds, TimeZoneInfo zone)
    {
        var instant = zone == TimeZoneInfo.Utc ? Instant : ScheduleZone.ToInstant(Instant.DateTime, zone).ToUniversalTime();
        return instant > after ? instant : null;
    }

    internal static bool TryParse(
        string text,
        string body,
        [NotNullWhen(true)] out AtScheduleExpression? schedule,
        [NotNullWhen(false)] out string? error)
    {
        if (!DateTime.TryParseExact(
                body,
                Format,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var instant))
        {
            schedule = null;
            error = $"at: '{body}' is not a UTC date and time in the form yyyy-mm-ddThh:mm:ss, e.g. at(2026-11-26T09:30:00)";
            return false;
        }

        schedule = new AtScheduleExpression(text, new DateTimeOffset(instant, TimeSpan.Zero));
        error = null;
        return true;
    }
}
