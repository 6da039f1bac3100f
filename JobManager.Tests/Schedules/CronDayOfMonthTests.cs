using static JobManager.Tests.Schedules.Occurrences;

namespace JobManager.Tests.Schedules;

/// <summary>
/// Day-of-month: month ends, leap years, <c>L</c>, <c>LW</c> and <c>nW</c>. Calendar facts used: 2026 starts
/// on a Thursday; 1 August 2026 and 15 August 2026 are Saturdays; 1 and 15 November 2026 and 31 May 2026 are
/// Sundays; 3 January 2026 is a Saturday; 2100 is not a leap year.
/// </summary>
public class CronDayOfMonthTests
{
    [Theory]
    // Month ends: the 31st skips the short months, the 30th skips February.
    [InlineData("cron(0 0 31 * ? *)", Thursday0930,
        "2026-12-31T00:00:00Z 2027-01-31T00:00:00Z 2027-03-31T00:00:00Z 2027-05-31T00:00:00Z 2027-07-31T00:00:00Z")]
    [InlineData("cron(0 0 30 * ? *)", "2027-01-15T00:00:00Z",
        "2027-01-30T00:00:00Z 2027-03-30T00:00:00Z")]
    // Leap years: 29 February waits for 2028, and skips 2100.
    [InlineData("cron(0 0 29 2 ? *)", Thursday0930,
        "2028-02-29T00:00:00Z 2032-02-29T00:00:00Z")]
    [InlineData("cron(0 0 29 2 ? *)", "2096-03-01T00:00:00Z", "2104-02-29T00:00:00Z")]
    // Lists, steps and wrapping ranges of days
    [InlineData("cron(0 0 1,15 * ? *)", Thursday0930,
        "2026-12-01T00:00:00Z 2026-12-15T00:00:00Z 2027-01-01T00:00:00Z")]
    [InlineData("cron(0 0 1/10 * ? *)", Thursday0930,
        "2026-12-01T00:00:00Z 2026-12-11T00:00:00Z 2026-12-21T00:00:00Z 2026-12-31T00:00:00Z")]
    [InlineData("cron(0 0 28-3 * ? *)", "2027-02-15T00:00:00Z",
        "2027-02-28T00:00:00Z 2027-03-01T00:00:00Z 2027-03-02T00:00:00Z 2027-03-03T00:00:00Z 2027-03-28T00:00:00Z")]
    public void DayOfMonth_FollowsTheCalendar(string schedule, string after, string expected)
        => Assert.Equal(expected, Next(schedule, after, expected));

    [Theory]
    // L is the last day, 28 or 29 in February.
    [InlineData("cron(0 0 L * ? *)", Thursday0930,
        "2026-11-30T00:00:00Z 2026-12-31T00:00:00Z 2027-01-31T00:00:00Z 2027-02-28T00:00:00Z 2027-03-31T00:00:00Z")]
    [InlineData("cron(0 0 L 2 ? *)", Thursday0930,
        "2027-02-28T00:00:00Z 2028-02-29T00:00:00Z 2029-02-28T00:00:00Z")]
    [InlineData("cron(0 0 l 2 ? *)", Thursday0930,
        "2027-02-28T00:00:00Z 2028-02-29T00:00:00Z")]
    // LW is the last weekday: Sunday 31 May 2026 gives Friday the 29th; 30 June is a Tuesday.
    [InlineData("cron(0 0 LW * ? *)", "2026-05-01T00:00:00Z",
        "2026-05-29T00:00:00Z 2026-06-30T00:00:00Z 2026-07-31T00:00:00Z")]
    public void DayOfMonthL_IsTheLastDayOfTheMonth(string schedule, string after, string expected)
        => Assert.Equal(expected, Next(schedule, after, expected));

    [Theory]
    // 1W on Saturday the 1st moves forward to Monday the 3rd, never back into July; on Sunday the 1st, to the 2nd.
    [InlineData("cron(0 0 1W * ? *)", "2026-07-02T00:00:00Z",
        "2026-08-03T00:00:00Z 2026-09-01T00:00:00Z 2026-10-01T00:00:00Z 2026-11-02T00:00:00Z")]
    // 3W, the guide's example: Saturday 3 January 2026 moves back to Friday the 2nd.
    [InlineData("cron(0 0 3W * ? *)", "2025-12-31T00:00:00Z",
        "2026-01-02T00:00:00Z 2026-02-03T00:00:00Z 2026-03-03T00:00:00Z")]
    // 15W: Saturday the 15th is Friday the 14th, Sunday the 15th is Monday the 16th.
    [InlineData("cron(0 0 15W * ? *)", "2026-08-01T00:00:00Z",
        "2026-08-14T00:00:00Z 2026-09-15T00:00:00Z 2026-10-15T00:00:00Z 2026-11-16T00:00:00Z")]
    // 31W on Sunday 31 May is Friday the 29th, not Monday 1 June; June has no 31st.
    [InlineData("cron(0 0 31W * ? *)", "2026-05-01T00:00:00Z",
        "2026-05-29T00:00:00Z 2026-07-31T00:00:00Z")]
    public void DayOfMonthW_IsTheNearestWeekdayInTheSameMonth(string schedule, string after, string expected)
        => Assert.Equal(expected, Next(schedule, after, expected));
}
