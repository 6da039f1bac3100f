using JobManager.Core.Schedules;
using static JobManager.Tests.Schedules.Occurrences;

namespace JobManager.Tests.Schedules;

/// <summary><c>at(yyyy-mm-ddThh:mm:ss)</c>: one occurrence, in UTC.</summary>
public class AtScheduleExpressionTests
{
    [Theory]
    [InlineData("at(2026-11-26T09:30:00)", "2026-11-26T09:30:00Z")]
    [InlineData("at(2028-02-29T23:59:59)", "2028-02-29T23:59:59Z")]
    [InlineData("at(1970-01-01T00:00:00)", "1970-01-01T00:00:00Z")]
    public void At_ParsesToAnInstantInUtc(string schedule, string instant)
    {
        var at = Assert.IsType<AtScheduleExpression>(Parse(schedule));
        Assert.Equal(Instant(instant), at.Instant);
        Assert.Equal(TimeSpan.Zero, at.Instant.Offset);
        Assert.Equal(ScheduleKind.At, at.Kind);
    }

    [Theory]
    // Before the instant: the instant, then nothing.
    [InlineData("2026-11-26T09:29:59Z", "2026-11-26T09:30:00Z end")]
    [InlineData("2020-01-01T00:00:00Z", "2026-11-26T09:30:00Z end")]
    // At or after it: nothing.
    [InlineData("2026-11-26T09:30:00Z", "end")]
    [InlineData("2026-11-26T09:30:01Z", "end")]
    public void At_OccursOnce_OnlyWhenAfterIsBeforeTheInstant(string after, string expected)
        => Assert.Equal(expected, Next("at(2026-11-26T09:30:00)", after, expected, phaseSeconds: 600));
}
