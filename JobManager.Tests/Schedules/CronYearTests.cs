using static JobManager.Tests.Schedules.Occurrences;

namespace JobManager.Tests.Schedules;

/// <summary>
/// The year field, which Cronos lacks and the expression applies itself. 1 January 2030 is a Tuesday.
/// </summary>
public class CronYearTests
{
    [Theory]
    // Lists, ranges and steps of years, each ending when its years run out.
    [InlineData("cron(0 0 1 1 ? 2027,2029)", Thursday0930, "2027-01-01T00:00:00Z 2029-01-01T00:00:00Z end")]
    [InlineData("cron(0 12 1 JUN ? 2030-2031)", Thursday0930, "2030-06-01T12:00:00Z 2031-06-01T12:00:00Z end")]
    [InlineData("cron(0 0 1 1 ? 2028/10)", Thursday0930,
        "2028-01-01T00:00:00Z 2038-01-01T00:00:00Z 2048-01-01T00:00:00Z")]
    [InlineData("cron(0 0 1 1 ? 2030-2050/10)", Thursday0930,
        "2030-01-01T00:00:00Z 2040-01-01T00:00:00Z 2050-01-01T00:00:00Z end")]
    // "*" still stops after the last minute AWS allows.
    [InlineData("cron(59 23 31 12 ? *)", "2199-12-31T23:58:00Z", "2199-12-31T23:59:00Z end")]
    public void Year_LimitsTheYearsTheScheduleRuns(string schedule, string after, string expected)
        => Assert.Equal(expected, Next(schedule, after, expected));

    [Theory]
    // The jump to a later year lands on midnight, 1 January, which can itself be the occurrence.
    [InlineData("cron(0 0 1 1 ? 2028)", Thursday0930, "2028-01-01T00:00:00Z end")]
    // ... and otherwise searches on from there: the first Monday of January 2030 is the 7th.
    [InlineData("cron(0 0 ? * 2#1 2030)", Thursday0930, "2030-01-07T00:00:00Z 2030-02-04T00:00:00Z")]
    // 29 February 2028 is skipped (2028 not allowed); the search resumes in 2030 and finds 2032.
    [InlineData("cron(0 0 29 2 ? 2030-2040)", Thursday0930,
        "2032-02-29T00:00:00Z 2036-02-29T00:00:00Z 2040-02-29T00:00:00Z end")]
    // Before 1970 the first occurrence is in 1970.
    [InlineData("cron(0 0 1 1 ? *)", "1960-06-01T00:00:00Z", "1970-01-01T00:00:00Z 1971-01-01T00:00:00Z")]
    public void Year_SkipsToTheNextAllowedYear(string schedule, string after, string expected)
        => Assert.Equal(expected, Next(schedule, after, expected));

    [Theory]
    [InlineData("cron(15 10 ? * 6L 2019-2022)", Thursday0930)]
    [InlineData("cron(0 0 1 1 ? *)", "2199-06-01T00:00:00Z")]
    [InlineData("cron(0 10 * * ? *)", "2250-01-01T00:00:00Z")]
    public void Year_ReturnsNull_WhenNoAllowedYearIsLeft(string schedule, string after)
        => Assert.Null(Parse(schedule).GetNextOccurrence(Instant(after), 0));
}
