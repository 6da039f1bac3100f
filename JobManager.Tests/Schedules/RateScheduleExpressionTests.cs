using JobManager.Core.Schedules;
using static JobManager.Tests.Schedules.Occurrences;

namespace JobManager.Tests.Schedules;

/// <summary>
/// <c>rate(N unit)</c>: the period it parses to, and occurrences at <c>phase + k * period</c> Unix seconds.
/// 2026-11-26T09:30:00Z is Unix second 1795685400, which is 180 more than a multiple of 420 (7 minutes).
/// </summary>
public class RateScheduleExpressionTests
{
    [Theory]
    // The AWS guide's examples
    [InlineData("rate(1 minute)", 60)]
    [InlineData("rate(5 minutes)", 300)]
    [InlineData("rate(1 hour)", 3_600)]
    [InlineData("rate(1 day)", 86_400)]
    // Singular and plural both accepted for any N (AWS would reject these two)
    [InlineData("rate(1 hours)", 3_600)]
    [InlineData("rate(5 hour)", 18_000)]
    // Seconds, our extension
    [InlineData("rate(1 second)", 1)]
    [InlineData("rate(30 seconds)", 30)]
    // The ten-year limit itself, in each unit
    [InlineData("rate(3650 days)", 315_360_000)]
    [InlineData("rate(87600 hours)", 315_360_000)]
    [InlineData("rate(315360000 seconds)", 315_360_000)]
    public void Rate_ParsesToItsPeriod(string schedule, long periodSeconds)
    {
        var rate = Assert.IsType<RateScheduleExpression>(Parse(schedule));
        Assert.Equal(periodSeconds, rate.PeriodSeconds);
        Assert.Equal(ScheduleKind.Rate, rate.Kind);
    }

    [Theory]
    // Phase 0: on the period's multiples of Unix time, never at "after" itself.
    [InlineData("rate(1 minute)", 0, Thursday0930, "2026-11-26T09:31:00Z 2026-11-26T09:32:00Z")]
    [InlineData("rate(5 minutes)", 0, Thursday0930, "2026-11-26T09:35:00Z 2026-11-26T09:40:00Z 2026-11-26T09:45:00Z")]
    [InlineData("rate(7 minutes)", 0, Thursday0930, "2026-11-26T09:34:00Z 2026-11-26T09:41:00Z")]
    [InlineData("rate(1 second)", 0, Thursday0930, "2026-11-26T09:30:01Z 2026-11-26T09:30:02Z")]
    [InlineData("rate(30 seconds)", 0, Thursday0930, "2026-11-26T09:30:30Z 2026-11-26T09:31:00Z")]
    // A phase shifts every occurrence: 754 s is 12 min 34 s past the hour.
    [InlineData("rate(5 minutes)", 7, Thursday0930, "2026-11-26T09:30:07Z 2026-11-26T09:35:07Z")]
    [InlineData("rate(1 hour)", 754, Thursday0930, "2026-11-26T10:12:34Z 2026-11-26T11:12:34Z")]
    [InlineData("rate(1 hour)", 754, "2026-11-26T10:12:34Z", "2026-11-26T11:12:34Z")]
    [InlineData("rate(1 hour)", 754, "2026-11-26T10:12:33.999Z", "2026-11-26T10:12:34Z")]
    // For days the phase is the UTC time of day; any phase is reduced modulo the period.
    [InlineData("rate(1 day)", 0, Thursday0930, "2026-11-27T00:00:00Z 2026-11-28T00:00:00Z")]
    [InlineData("rate(1 day)", 3_600, Thursday0930, "2026-11-27T01:00:00Z 2026-11-28T01:00:00Z")]
    [InlineData("rate(1 day)", 90_000, Thursday0930, "2026-11-27T01:00:00Z")]
    [InlineData("rate(1 day)", -82_800, Thursday0930, "2026-11-27T01:00:00Z")]
    public void Rate_RunsAtPhasePlusWholePeriods(string schedule, long phase, string after, string expected)
        => Assert.Equal(expected, Next(schedule, after, expected, phase));

    [Fact]
    public void Rate_ReturnsNull_WhenTheNextOccurrenceIsPastTheLastRepresentableInstant()
        => Assert.Null(Parse("rate(1 day)").GetNextOccurrence(DateTimeOffset.MaxValue.AddHours(-1), 0));
}
