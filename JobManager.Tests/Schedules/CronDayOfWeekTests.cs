using static JobManager.Tests.Schedules.Occurrences;

namespace JobManager.Tests.Schedules;

/// <summary>
/// Day-of-week, where AWS counts 1 = SUN to 7 = SAT and Cronos 0 = SUN to 6 = SAT. Calendar facts used:
/// 2026-11-26 is a Thursday; 1 December 2026 is a Tuesday; 1 January 2027 a Friday; 1 April 2027 a Thursday.
/// </summary>
public class CronDayOfWeekTests
{
    [Theory]
    // Numbers at both ends of the week: 1 is Sunday, 7 is Saturday.
    [InlineData("cron(0 9 ? * 1 *)", Thursday0930, "2026-11-29T09:00:00Z 2026-12-06T09:00:00Z")]
    [InlineData("cron(0 0 ? * 1,7 *)", Thursday0930,
        "2026-11-28T00:00:00Z 2026-11-29T00:00:00Z 2026-12-05T00:00:00Z")]
    // 2-6 is MON-FRI: from Friday morning, the next run is Monday.
    [InlineData("cron(0 9 ? * 2-6 *)", "2026-11-27T10:00:00Z",
        "2026-11-30T09:00:00Z 2026-12-01T09:00:00Z 2026-12-02T09:00:00Z")]
    // Steps count in AWS numbers: 2/2 is MON, WED, FRI (no Sunday); */2 is SUN, TUE, THU, SAT.
    [InlineData("cron(0 9 ? * 2/2 *)", Thursday0930,
        "2026-11-27T09:00:00Z 2026-11-30T09:00:00Z 2026-12-02T09:00:00Z 2026-12-04T09:00:00Z")]
    [InlineData("cron(0 9 ? * */2 *)", Thursday0930,
        "2026-11-28T09:00:00Z 2026-11-29T09:00:00Z 2026-12-01T09:00:00Z 2026-12-03T09:00:00Z")]
    // A range may wrap over the weekend.
    [InlineData("cron(0 9 ? * FRI-MON *)", Thursday0930,
        "2026-11-27T09:00:00Z 2026-11-28T09:00:00Z 2026-11-29T09:00:00Z 2026-11-30T09:00:00Z 2026-12-04T09:00:00Z")]
    public void DayOfWeek_CountsFromSundayAsOne(string schedule, string after, string expected)
        => Assert.Equal(expected, Next(schedule, after, expected));

    [Theory]
    // 6L is the last Friday: 27 November, 25 December 2026, 29 January 2027.
    [InlineData("cron(0 0 ? * 6L *)", Thursday0930,
        "2026-11-27T00:00:00Z 2026-12-25T00:00:00Z 2027-01-29T00:00:00Z")]
    // 1L, the last Sunday, and 7L, the last Saturday, at the ends of the shifted numbering.
    [InlineData("cron(0 0 ? * 1L *)", Thursday0930, "2026-11-29T00:00:00Z 2026-12-27T00:00:00Z")]
    [InlineData("cron(0 0 ? * 7L *)", Thursday0930, "2026-11-28T00:00:00Z 2026-12-26T00:00:00Z")]
    // L alone is the last day of the week, Saturday, every week.
    [InlineData("cron(0 0 ? * L *)", Thursday0930,
        "2026-11-28T00:00:00Z 2026-12-05T00:00:00Z 2026-12-12T00:00:00Z")]
    public void DayOfWeekL_IsTheLastOfThatDay(string schedule, string after, string expected)
        => Assert.Equal(expected, Next(schedule, after, expected));

    [Theory]
    // 3#2, the guide's example, is the second Tuesday; 6#3 the third Friday.
    [InlineData("cron(0 0 ? * 3#2 *)", Thursday0930, "2026-12-08T00:00:00Z 2027-01-12T00:00:00Z")]
    [InlineData("cron(0 0 ? * 6#3 *)", Thursday0930, "2026-12-18T00:00:00Z 2027-01-15T00:00:00Z")]
    // 1#1 and 7#1 are the first Sunday and the first Saturday.
    [InlineData("cron(0 0 ? * 1#1 *)", Thursday0930, "2026-12-06T00:00:00Z 2027-01-03T00:00:00Z")]
    [InlineData("cron(0 0 ? * 7#1 *)", Thursday0930, "2026-12-05T00:00:00Z 2027-01-02T00:00:00Z")]
    // A fifth Thursday exists in December 2026 and April 2027 only: January to March 2027 have four.
    [InlineData("cron(0 0 ? * 5#5 *)", Thursday0930, "2026-12-31T00:00:00Z 2027-04-29T00:00:00Z")]
    public void DayOfWeekHash_IsTheNthOfThatDayInTheMonth(string schedule, string after, string expected)
        => Assert.Equal(expected, Next(schedule, after, expected));

    [Theory]
    [InlineData("cron(0 9 ? * MON-FRI *)", "cron(0 9 ? * 2-6 *)")]
    [InlineData("cron(0 9 ? * SUN,SAT *)", "cron(0 9 ? * 1,7 *)")]
    [InlineData("cron(0 9 ? * TUE/2 *)", "cron(0 9 ? * 3,5,7 *)")]
    [InlineData("cron(0 9 ? * FRIL *)", "cron(0 9 ? * 6L *)")]
    [InlineData("cron(0 9 ? * MON#1 *)", "cron(0 9 ? * 2#1 *)")]
    [InlineData("cron(0 9 ? * L *)", "cron(0 9 ? * SAT *)")]
    [InlineData("cron(0 9 ? * mon-fri *)", "cron(0 9 ? * MON-FRI *)")]
    [InlineData("cron(0 9 1 JAN-MAR ? *)", "cron(0 9 1 1-3 ? *)")]
    [InlineData("cron(0 9 1 jan,JUL ? *)", "cron(0 9 1 1,7 ? *)")]
    public void Names_RunExactlyWhenTheirNumbersRun(string withNames, string withNumbers)
    {
        var after = Instant(Thursday0930);
        Assert.Equal(Next(Parse(withNumbers), after, 20), Next(Parse(withNames), after, 20));
    }
}
