namespace JobManager.Core.Schedules;

/// <summary>
/// The years an AWS cron expression allows, within 1970-2199. Cronos has no year field, so the expression
/// filters its occurrences through this set.
/// </summary>
internal sealed class CronYears
{
    private readonly bool[] _allowed;

    /// <summary>The years whose flag is set, <paramref name="allowed"/><c>[year - 1970]</c>; the array is kept, not copied.</summary>
    public CronYears(bool[] allowed)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(allowed.Length, CronField.Year.Span);
        _allowed = allowed;
    }

    /// <summary>The most years a schedule can have, which bounds any walk from one allowed year to the next.</summary>
    public static int MaxCount => CronField.Year.Span;

    public bool Contains(int year)
        => year >= CronField.Year.Min && year <= CronField.Year.Max && _allowed[year - CronField.Year.Min];

    /// <summary>The first allowed year on or after <paramref name="year"/>, or null when none is left.</summary>
    public int? FirstFrom(int year)
    {
        for (var candidate = Math.Max(year, CronField.Year.Min); candidate <= CronField.Year.Max; candidate++)
        {
            if (_allowed[candidate - CronField.Year.Min])
            {
                return candidate;
            }
        }

        return null;
    }
}
