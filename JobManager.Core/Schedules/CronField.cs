namespace JobManager.Core.Schedules;

/// <summary>
/// One of the six fields of an AWS cron expression: its name in error messages, its values, and its names.
/// </summary>
/// <param name="Name">The field as errors name it, e.g. <c>day-of-week</c>.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="ValueNames">Names for the values from <paramref name="Min"/> on (JAN = 1, SUN = 1), or null.</param>
/// <param name="Range">The values as errors describe them, e.g. <c>1-7 (SUN-SAT)</c>.</param>
/// <param name="Hint">What the field accepts, appended to errors about text that is not a value.</param>
/// <param name="RangesMayWrap">
/// Whether a range may run past the end back to the start, as <c>22-2</c> in hours (22, 23, 0, 1, 2) or
/// <c>FRI-MON</c>. True for every field but the year, where <c>2030-2020</c> can only be a typo.
/// </param>
internal sealed record CronField(
    string Name,
    int Min,
    int Max,
    string[]? ValueNames,
    string Range,
    string Hint,
    bool RangesMayWrap = true)
{
    /// <summary>How many values the field has, e.g. 60 for minutes.</summary>
    public int Span => Max - Min + 1;

    public static readonly CronField Minutes = new(
        "minutes", 0, 59, null, "0-59", "use 0-59 with , - * /");

    public static readonly CronField Hours = new(
        "hours", 0, 23, null, "0-23", "use 0-23 with , - * /");

    public static readonly CronField DayOfMonth = new(
        "day-of-month", 1, 31, null, "1-31", "use 1-31 with , - * /, or one of ?, L, LW, nW");

    public static readonly CronField Month = new(
        "month", 1, 12,
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
        "1-12 (JAN-DEC)", "use 1-12 or JAN-DEC with , - * /");

    public static readonly CronField DayOfWeek = new(
        "day-of-week", 1, 7,
        ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"],
        "1-7 (SUN-SAT)", "use 1-7 or SUN-SAT with , - * /, or one of ?, L, nL, n#k");

    public static readonly CronField Year = new(
        "year", 1970, 2199, null, "1970-2199", "use 1970-2199 with , - * /", RangesMayWrap: false);
}
