using System.Diagnostics.CodeAnalysis;

namespace JobManager.Core.Schedules;

/// <summary>The three schedule forms a job may use.</summary>
public enum ScheduleKind
{
    /// <summary><c>cron(Minutes Hours Day-of-month Month Day-of-week Year)</c>, AWS semantics, in the job's zone.</summary>
    Cron,
    /// <summary><c>rate(N unit)</c>: every N units at a stable per-job phase.</summary>
    Rate,
    /// <summary><c>at(yyyy-mm-ddThh:mm:ss)</c>: once, in the job's zone.</summary>
    At,
}

/// <summary>
/// A parsed schedule expression. Occurrences are whole seconds in UTC.
/// </summary>
public abstract class ScheduleExpression
{
    protected ScheduleExpression(string text) => Text = text;

    /// <summary>The expression as the user wrote it, e.g. <c>rate(5 minutes)</c>.</summary>
    public string Text { get; }

    public abstract ScheduleKind Kind { get; }

    /// <summary>The expression as the user wrote it, outer whitespace removed.</summary>
    public override string ToString() => Text;

    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/>, or null when the schedule has no
    /// occurrence left. <paramref name="phaseSeconds"/> only matters to <c>rate</c> schedules (see
    /// <see cref="RatePhase"/>); the other kinds ignore it.
    /// </summary>
    public abstract DateTimeOffset? GetNextOccurrence(DateTimeOffset after, long phaseSeconds);

    /// <summary>
    /// As <see cref="GetNextOccurrence(DateTimeOffset, long)"/>, with <c>cron</c> and <c>at</c> read as local
    /// wall-clock times in <paramref name="zone"/> (the answer is still an instant). <c>rate</c> is a fixed
    /// period and ignores the zone.
    /// </summary>
    public virtual DateTimeOffset? GetNextOccurrence(DateTimeOffset after, long phaseSeconds, TimeZoneInfo zone)
        => GetNextOccurrence(after, phaseSeconds);

    /// <summary>
    /// Parses <c>cron(...)</c>, <c>rate(...)</c> or <c>at(...)</c>. On failure <paramref name="error"/>
    /// says what is wrong in words a user can act on, e.g. "day-of-week: 8 is out of range 1-7 (SUN-SAT)".
    /// The same text gives the same (immutable, shareable) instance while it stays in a bounded cache.
    /// </summary>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out ScheduleExpression? schedule,
        [NotNullWhen(false)] out string? error)
        => ScheduleCache.Shared.TryParse(text, out schedule, out error);
}
