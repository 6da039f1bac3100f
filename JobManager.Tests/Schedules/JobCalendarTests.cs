using JobManager.Core.Jobs;

namespace JobManager.Tests.Schedules;

/// <summary>start_time and end_time bound a job's instants, both inclusive.</summary>
public sealed class JobCalendarTests
{
    private static string Next(string schedule, string after, int count, string? start, string? end)
    {
        var calendar = new JobCalendar(
            "UTC", start is null ? null : Occurrences.Instant(start), end is null ? null : Occurrences.Instant(end));
        var instants = ScheduleQueue.Upcoming(Occurrences.Parse(schedule), 0, Occurrences.Instant(after), count, calendar);
        return string.Join(' ', instants.InstantsMs.Select(ms => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("HH:mm")));
    }

    [Theory]
    [InlineData(null, null, "10:00 10:15 10:30 10:45")]
    [InlineData("2027-01-01T10:30:00Z", null, "10:30 10:45 11:00 11:15")]
    [InlineData("2027-01-01T10:31:00Z", null, "10:45 11:00 11:15 11:30")]
    [InlineData(null, "2027-01-01T10:30:00Z", "10:00 10:15 10:30")]
    [InlineData("2027-01-01T10:15:00Z", "2027-01-01T10:29:59Z", "10:15")]
    [InlineData(null, "2027-01-01T09:00:00Z", "")]
    public void Instants_StayWithinStartAndEnd_Inclusive(string? start, string? end, string expected)
        => Assert.Equal(expected, Next("cron(0/15 * * * ? *)", "2027-01-01T09:59:00Z", 4, start, end));

    [Fact]
    public void RateInstants_StayWithinStartAndEnd()
        => Assert.Equal("10:05 10:10", Next("rate(5 minutes)", "2027-01-01T09:00:00Z", 4, "2027-01-01T10:01:00Z", "2027-01-01T10:12:00Z"));

    [Fact]
    public void Refill_CompletesTheQueue_AtTheEnd()
    {
        var calendar = new JobCalendar("UTC", null, Occurrences.Instant("2027-01-01T12:00:00Z"));
        var tail = Occurrences.Instant("2027-01-01T10:00:00Z").ToUnixTimeMilliseconds();
        var refill = ScheduleQueue.Refill(Occurrences.Parse("cron(0 * * * ? *)"), new JobRef("s", "j"), tail, 0, 8, calendar);
        Assert.Equal(2, refill.InstantsMs.Count);
        Assert.True(refill.IsComplete);
    }
}
