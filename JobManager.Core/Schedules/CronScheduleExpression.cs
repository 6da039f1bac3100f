using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace JobManager.Core.Schedules;

/// <summary>
/// <c>cron(Minutes Hours Day-of-month Month Day-of-week Year)</c> with AWS EventBridge semantics, in UTC.
/// </summary>
/// <remarks>
/// Fields: minutes 0-59, hours 0-23, day-of-month 1-31, month 1-12 or JAN-DEC, day-of-week 1-7 or SUN-SAT
/// (1 is Sunday), year 1970-2199. Exactly one of day-of-month and day-of-week is <c>?</c>. Every field takes
/// <c>, - * /</c> (ranges may wrap, e.g. hours <c>22-2</c>, except in the year); day-of-month also takes
/// <c>L</c>, <c>LW</c> and <c>nW</c>; day-of-week also takes <c>L</c> (Saturday), <c>nL</c> and <c>n#k</c>.
/// Names and letters are case-insensitive.
/// </remarks>
public sealed class CronScheduleExpression : ScheduleExpression
{
    // Strictly after this, the first minute of 1970 is the earliest occurrence any schedule can have.
    private static readonly DateTimeOffset BeforeFirstYear = new(CronField.Year.Min - 1, 12, 31, 23, 59, 59, TimeSpan.Zero);

    private readonly CronExpression _cron;
    private readonly CronYears _years;

    private CronScheduleExpression(string text, string cronosExpression, CronExpression cron, CronYears years)
        : base(text) => (CronosExpression, _cron, _years) = (cronosExpression, cron, years);

    /// <inheritdoc />
    public override ScheduleKind Kind => ScheduleKind.Cron;

    /// <summary>The first five fields as handed to Cronos, e.g. <c>0 18 * * 1,2,3,4,5</c>.</summary>
    internal string CronosExpression { get; }

    /// <summary>
    /// The first minute strictly after <paramref name="after"/> that matches all six fields, or null when no
    /// allowed year has one left. <paramref name="phaseSeconds"/> is ignored.
    /// </summary>
    public override DateTimeOffset? GetNextOccurrence(DateTimeOffset after, long phaseSeconds)
    {
        if (after.UtcDateTime.Year > CronField.Year.Max)
        {
            return null;
        }

        var from = after.UtcDateTime;
        var inclusive = false;
        // Each pass either returns or moves to a later allowed year, so the bound is never what stops a search.
        for (var pass = 0; pass <= CronYears.MaxCount; pass++)
        {
            if (_cron.GetNextOccurrence(from, inclusive) is not { } next)
            {
                return null;
            }

            if (_years.Contains(next.Year))
            {
                return new DateTimeOffset(next, TimeSpan.Zero);
            }

            // Jump to midnight on 1 January of the next allowed year, which may itself be an occurrence.
            if (_years.FirstFrom(next.Year + 1) is not { } year)
            {
                return null;
            }

            from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            inclusive = true;
        }

        return null;
    }

    /// <summary>
    /// The first instant strictly after <paramref name="after"/> whose local time in <paramref name="zone"/>
    /// matches all six fields (the year is the local one). Daylight-saving transitions follow Cronos: a
    /// local time skipped by a spring-forward gap fires once at the end of the gap; in a fall-back overlap
    /// a fixed time of day fires once (its first occurrence), while a <c>*</c> hour field fires in both passes.
    /// </summary>
    public override DateTimeOffset? GetNextOccurrence(DateTimeOffset after, long phaseSeconds, TimeZoneInfo zone)
    {
        if (zone == TimeZoneInfo.Utc)
        {
            return GetNextOccurrence(after, phaseSeconds);
        }
        if (after.UtcDateTime.Year > CronField.Year.Max)
        {
            return null;
        }

        var from = after;
        var inclusive = false;
        for (var pass = 0; pass <= CronYears.MaxCount; pass++)
        {
            if (_cron.GetNextOccurrence(from, zone, inclusive) is not { } next)
            {
                return null;
            }
            // Cronos answers at the zone's offset, so Year is the local year the year field means.
            if (_years.Contains(next.Year))
            {
                return next.ToUniversalTime();
            }
            if (_years.FirstFrom(next.Year + 1) is not { } year)
            {
                return null;
            }
            var midnight = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
            from = ScheduleZone.ToInstant(midnight, zone);
            inclusive = true;
        }

        return null;
    }

    internal static bool TryParse(
        string text,
        string body,
        [NotNullWhen(true)] out CronScheduleExpression? schedule,
        [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        if (!AwsCronTranslator.TryTranslate(body, out var cronosExpression, out var years, out error))
        {
            return false;
        }

        CronExpression cron;
        try
        {
            cron = CronExpression.Parse(cronosExpression, CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            // The translator should only produce what Cronos accepts; if not, still a message, not a crash.
            error = $"cron: {ex.Message}";
            return false;
        }

        var parsed = new CronScheduleExpression(text, cronosExpression, cron, years);
        // "30 2" (30 February) or 29 February in odd years only can never fire; say so now, not never.
        if (parsed.GetNextOccurrence(BeforeFirstYear, 0) is null)
        {
            error = "cron: no minute from 1970 to 2199 matches all six fields (e.g. 30 in FEB), so it would never run";
            return false;
        }

        schedule = parsed;
        return true;
    }
}
