using JobManager.Core.Jobs;
using JobManager.Core.Schedules;

namespace JobManager.Tests.Schedules;

/// <summary>cron and at read as local wall-clock time in a job's IANA zone; rate ignores the zone.</summary>
public sealed class TimeZoneScheduleTests
{
    private static readonly TimeZoneInfo NewYork = ScheduleZone.Find("America/New_York");

    private static string Next(string schedule, string zone, string after, int count)
    {
        var calendar = JobCalendar.Default with { TimeZoneId = zone };
        var instants = ScheduleQueue.Upcoming(Occurrences.Parse(schedule), 0, Occurrences.Instant(after), count, calendar);
        return string.Join(' ', instants.InstantsMs.Select(ms => ScheduleTime.Format(ScheduleTime.FromUnixMs(ms))));
    }

    // --- the contract's daylight-saving cases (America/New_York, 2027) ---

    [Fact]
    public void SkippedLocalTime_FiresOnceAtTheJump_OnSpringForwardNight()
        => Assert.Equal(
            "2027-03-13T07:30:00Z 2027-03-14T07:00:00Z 2027-03-15T06:30:00Z",
            Next("cron(30 2 * * ? *)", "America/New_York", "2027-03-13T00:00:00Z", 3));

    [Fact]
    public void FixedTimeOfDay_FiresOnceAtItsFirstOccurrence_OnFallBackNight()
        => Assert.Equal(
            "2027-11-06T05:30:00Z 2027-11-07T05:30:00Z 2027-11-08T06:30:00Z",
            Next("cron(30 1 * * ? *)", "America/New_York", "2027-11-06T00:00:00Z", 3));

    [Fact]
    public void EveryThirtyMinutes_FiresInBothPasses_OnFallBackNight()
        => Assert.Equal(
            "2027-11-07T04:30:00Z 2027-11-07T05:00:00Z 2027-11-07T05:30:00Z 2027-11-07T06:00:00Z 2027-11-07T06:30:00Z 2027-11-07T07:00:00Z",
            Next("cron(0/30 * * * ? *)", "America/New_York", "2027-11-07T04:00:00Z", 6));

    // --- zones in general ---

    [Theory]
    [InlineData("cron(0 9 * * ? *)", "Europe/Berlin", "2027-01-10T00:00:00Z", "2027-01-10T08:00:00Z 2027-01-11T08:00:00Z")]
    [InlineData("cron(0 9 * * ? *)", "Europe/Berlin", "2027-07-10T00:00:00Z", "2027-07-10T07:00:00Z 2027-07-11T07:00:00Z")]
    [InlineData("cron(0 9 * * ? *)", "UTC", "2027-07-10T00:00:00Z", "2027-07-10T09:00:00Z 2027-07-11T09:00:00Z")]
    [InlineData("cron(0 0 1 1 ? 2028)", "Asia/Tokyo", "2027-06-01T00:00:00Z", "2027-12-31T15:00:00Z end")]
    [InlineData("at(2027-03-14T02:30:00)", "America/New_York", "2027-01-01T00:00:00Z", "2027-03-14T07:00:00Z end")]
    [InlineData("at(2027-11-07T01:30:00)", "America/New_York", "2027-01-01T00:00:00Z", "2027-11-07T05:30:00Z end")]
    [InlineData("at(2027-07-01T12:00:00)", "Europe/Berlin", "2027-01-01T00:00:00Z", "2027-07-01T10:00:00Z end")]
    [InlineData("rate(1 hour)", "Asia/Kolkata", "2027-01-01T00:10:00Z", "2027-01-01T01:00:00Z 2027-01-01T02:00:00Z")]
    public void LocalWallClock_IsReadInTheJobsZone(string schedule, string zone, string after, string expected)
    {
        var count = expected.Split(' ').Length;
        var found = Next(schedule, zone, after, count);
        var shown = found.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < count ? $"{found} end".Trim() : found;
        Assert.Equal(expected, shown);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Lord_Howe")]
    public void KnownIanaZone_IsFound(string id)
    {
        Assert.True(ScheduleZone.TryFind(id, out var zone, out var error), error);
        Assert.Equal(id, zone.Id);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("europe/berlin")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("+02:00")]
    public void UnknownZone_IsRefusedWithAReason(string id)
    {
        Assert.False(ScheduleZone.TryFind(id, out _, out var error));
        Assert.Contains("IANA", error);
    }

    [Fact]
    public void LocalTimeInAGap_IsTheEndOfTheGap()
        => Assert.Equal(
            Occurrences.Instant("2027-03-14T07:00:00Z"),
            ScheduleZone.ToInstant(new DateTime(2027, 3, 14, 2, 30, 15), NewYork));
}
