using static JobManager.Tests.Schedules.Occurrences;

namespace JobManager.Tests.Schedules;

/// <summary>
/// Every cron example in the EventBridge user guide ("Cron expressions reference", the older "Schedule
/// expressions for rules" page and the put-rule CLI examples), with the occurrences worked out on a calendar.
/// 2026-11-26 is a Thursday; November 2026 ends on Monday the 30th.
/// </summary>
public class CronAwsExamplesTests
{
    [Theory]
    // The examples table
    [InlineData("cron(0 10 * * ? *)", Thursday0930,
        "2026-11-26T10:00:00Z 2026-11-27T10:00:00Z 2026-11-28T10:00:00Z")]
    [InlineData("cron(15 12 * * ? *)", Thursday0930,
        "2026-11-26T12:15:00Z 2026-11-27T12:15:00Z 2026-11-28T12:15:00Z")]
    [InlineData("cron(0 18 ? * MON-FRI *)", Thursday0930,
        "2026-11-26T18:00:00Z 2026-11-27T18:00:00Z 2026-11-30T18:00:00Z")]
    [InlineData("cron(0 8 1 * ? *)", Thursday0930,
        "2026-12-01T08:00:00Z 2027-01-01T08:00:00Z 2027-02-01T08:00:00Z")]
    [InlineData("cron(0/15 * * * ? *)", Thursday0930,
        "2026-11-26T09:45:00Z 2026-11-26T10:00:00Z 2026-11-26T10:15:00Z")]
    [InlineData("cron(0/10 * ? * MON-FRI *)", "2026-11-27T23:45:00Z",
        "2026-11-27T23:50:00Z 2026-11-30T00:00:00Z 2026-11-30T00:10:00Z")]
    [InlineData("cron(0/5 8-17 ? * MON-FRI *)", "2026-11-27T17:50:00Z",
        "2026-11-27T17:55:00Z 2026-11-30T08:00:00Z 2026-11-30T08:05:00Z")]
    [InlineData("cron(0/30 20-23 ? * MON-FRI *)", "2026-11-27T23:15:00Z",
        "2026-11-27T23:30:00Z 2026-11-30T20:00:00Z 2026-11-30T20:30:00Z")]
    [InlineData("cron(0/30 0-2 ? * MON-FRI *)", "2026-11-27T02:15:00Z",
        "2026-11-27T02:30:00Z 2026-11-30T00:00:00Z 2026-11-30T00:30:00Z")]
    // The older table's wrapping hours, 20-2: the two rows above in one (Saturday 00:00 is not MON-FRI).
    [InlineData("cron(0/30 20-2 ? * MON-FRI *)", "2026-11-27T23:15:00Z",
        "2026-11-27T23:30:00Z 2026-11-30T00:00:00Z 2026-11-30T00:30:00Z 2026-11-30T01:00:00Z")]
    // First Monday of the month: 1 December 2026 is a Tuesday, 1 January 2027 a Friday, 1 February a Monday.
    [InlineData("cron(0 9 ? * 2#1 *)", Thursday0930,
        "2026-12-07T09:00:00Z 2027-01-04T09:00:00Z 2027-02-01T09:00:00Z")]
    // The put-rule CLI examples
    [InlineData("cron(0 12 * * ? *)", Thursday0930,
        "2026-11-26T12:00:00Z 2026-11-27T12:00:00Z")]
    [InlineData("cron(5,35 14 * * ? *)", Thursday0930,
        "2026-11-26T14:05:00Z 2026-11-26T14:35:00Z 2026-11-27T14:05:00Z")]
    // Last Friday, 2019-2022: 25 November and 30 December 2022, then nothing.
    [InlineData("cron(15 10 ? * 6L 2019-2022)", "2022-10-31T00:00:00Z",
        "2022-11-25T10:15:00Z 2022-12-30T10:15:00Z end")]
    [InlineData("cron(15 10 ? * 6L 2019-2022)", Thursday0930, "end")]
    // The API references' examples
    [InlineData("cron(0 20 * * ? *)", Thursday0930,
        "2026-11-26T20:00:00Z 2026-11-27T20:00:00Z")]
    [InlineData("cron(0 10 ? * MON *)", Thursday0930,
        "2026-11-30T10:00:00Z 2026-12-07T10:00:00Z")]
    public void Cron_RunsWhenTheAwsGuideSays(string schedule, string after, string expected)
        => Assert.Equal(expected, Next(schedule, after, expected));
}
