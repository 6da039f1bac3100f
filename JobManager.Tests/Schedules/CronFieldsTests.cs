using JobManager.Core.Schedules;
using static JobManager.Tests.Schedules.Occurrences;

namespace JobManager.Tests.Schedules;

/// <summary>Minutes, hours and month; what "strictly after" means; and the exact text handed to Cronos.</summary>
public class CronFieldsTests
{
    [Theory]
    // 1/10 starts at minute 1: 11, 21, 31, ... as the AWS guide describes.
    [InlineData("cron(1/10 * * * ? *)", Thursday0930,
        "2026-11-26T09:31:00Z 2026-11-26T09:41:00Z 2026-11-26T09:51:00Z 2026-11-26T10:01:00Z")]
    [InlineData("cron(*/5 * * * ? *)", Thursday0930, "2026-11-26T09:35:00Z 2026-11-26T09:40:00Z")]
    [InlineData("cron(10-40/10 9 * * ? *)", "2026-11-26T09:15:00Z",
        "2026-11-26T09:20:00Z 2026-11-26T09:30:00Z 2026-11-26T09:40:00Z 2026-11-27T09:10:00Z")]
    // Hours: every 4 hours from midnight, and a range that wraps past midnight.
    [InlineData("cron(0 0/4 * * ? *)", Thursday0930,
        "2026-11-26T12:00:00Z 2026-11-26T16:00:00Z 2026-11-26T20:00:00Z 2026-11-27T00:00:00Z")]
    [InlineData("cron(0 22-2 * * ? *)", Thursday0930,
        "2026-11-26T22:00:00Z 2026-11-26T23:00:00Z 2026-11-27T00:00:00Z 2026-11-27T01:00:00Z 2026-11-27T02:00:00Z 2026-11-27T22:00:00Z")]
    // Months by name, by list and by step.
    [InlineData("cron(0 0 1 JAN,APR,JUL,OCT ? *)", Thursday0930,
        "2027-01-01T00:00:00Z 2027-04-01T00:00:00Z 2027-07-01T00:00:00Z 2027-10-01T00:00:00Z")]
    [InlineData("cron(0 0 1 1/3 ? *)", Thursday0930,
        "2027-01-01T00:00:00Z 2027-04-01T00:00:00Z 2027-07-01T00:00:00Z 2027-10-01T00:00:00Z")]
    [InlineData("cron(0 0 1 NOV-FEB ? *)", Thursday0930,
        "2026-12-01T00:00:00Z 2027-01-01T00:00:00Z 2027-02-01T00:00:00Z 2027-11-01T00:00:00Z")]
    public void Field_ExpandsToTheValuesAwsMeans(string schedule, string after, string expected)
        => Assert.Equal(expected, Next(schedule, after, expected));

    [Theory]
    // An occurrence at exactly "after" is not next; one a millisecond later is.
    [InlineData("cron(0 10 * * ? *)", "2026-11-26T10:00:00Z", "2026-11-27T10:00:00Z")]
    [InlineData("cron(0 10 * * ? *)", "2026-11-26T09:59:59.999Z", "2026-11-26T10:00:00Z")]
    [InlineData("cron(* * * * ? *)", "2026-11-26T09:30:30Z", "2026-11-26T09:31:00Z")]
    // An offset is only another way to write the same instant: 11:30+02:00 is 09:30Z.
    [InlineData("cron(0 10 * * ? *)", "2026-11-26T11:30:00+02:00", "2026-11-26T10:00:00Z")]
    public void Cron_NextOccurrence_IsStrictlyAfter(string schedule, string after, string expected)
        => Assert.Equal(expected, Next(schedule, after, expected));

    [Fact]
    public void Cron_IgnoresThePhase()
    {
        var schedule = Parse("cron(0 10 * * ? *)");
        var after = Instant(Thursday0930);
        Assert.Equal(schedule.GetNextOccurrence(after, 0), schedule.GetNextOccurrence(after, 1234));
    }

    [Theory]
    [InlineData("cron(* * * * ? *)", "* * * * *")]
    [InlineData("cron(0/15 * * * ? *)", "0,15,30,45 * * * *")]
    [InlineData("cron(1/10 * * * ? *)", "1,11,21,31,41,51 * * * *")]
    [InlineData("cron(0 22-2 * * ? *)", "0 0,1,2,22,23 * * *")]
    [InlineData("cron(0 0 1 JAN,JUL ? *)", "0 0 1 1,7 *")]
    // Day-of-week numbers move down by one.
    [InlineData("cron(0 18 ? * MON-FRI *)", "0 18 * * 1,2,3,4,5")]
    [InlineData("cron(0 9 ? * SUN *)", "0 9 * * 0")]
    [InlineData("cron(0 9 ? * 2/2 *)", "0 9 * * 1,3,5")]
    [InlineData("cron(0 9 ? * 2#1 *)", "0 9 * * 1#1")]
    [InlineData("cron(0 9 ? * 6L *)", "0 9 * * 5L")]
    [InlineData("cron(0 9 ? * L *)", "0 9 * * 6")]
    // Day-of-month special forms pass through.
    [InlineData("cron(0 9 L * ? *)", "0 9 L * *")]
    [InlineData("cron(0 9 LW * ? *)", "0 9 LW * *")]
    [InlineData("cron(0 9 3W * ? *)", "0 9 3W * *")]
    public void Cron_TranslatesToCronosFieldByField(string schedule, string cronos)
        => Assert.Equal(cronos, Assert.IsType<CronScheduleExpression>(Parse(schedule)).CronosExpression);
}
