using JobManager.Core.Schedules;
using static JobManager.Tests.Schedules.Occurrences;

namespace JobManager.Tests.Schedules;

public class ScheduleTimeTests
{
    [Theory]
    [InlineData("2019-09-27T17:10:00Z", "2019-09-27T17:10:00Z")]
    // Another offset is converted to UTC.
    [InlineData("2019-09-27T19:10:00+02:00", "2019-09-27T17:10:00Z")]
    // A fraction is dropped, not rounded up to a second that has not started.
    [InlineData("2019-09-27T17:10:00.999Z", "2019-09-27T17:10:00Z")]
    [InlineData("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z")]
    public void Format_WritesUtcWholeSecondsWithZ(string instant, string formatted)
        => Assert.Equal(formatted, ScheduleTime.Format(Instant(instant)));

    [Theory]
    [InlineData("1970-01-01T00:00:00Z", 0)]
    [InlineData("1970-01-01T00:00:01.5Z", 1_500)]
    [InlineData("2019-09-27T17:10:00Z", 1_569_604_200_000)]
    public void UnixMs_RoundTrips(string instant, long unixMs)
    {
        Assert.Equal(unixMs, ScheduleTime.ToUnixMs(Instant(instant)));
        Assert.Equal(Instant(instant), ScheduleTime.FromUnixMs(unixMs));
    }
}
