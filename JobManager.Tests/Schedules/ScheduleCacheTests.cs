using JobManager.Core.Jobs;
using JobManager.Core.Schedules;

namespace JobManager.Tests.Schedules;

/// <summary>
/// Parsed schedules are cached by their text: a cached parse must be indistinguishable from a fresh one,
/// and the cache must stay within its bound whatever clients send.
/// </summary>
public class ScheduleCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 11, 12, TimeSpan.Zero);

    [Theory]
    [InlineData("cron(0 12 * * ? *)")]
    [InlineData("cron(0/15 8-17 ? * MON-FRI 2026-2030)")]
    [InlineData("cron(30 2 L * ? *)")]
    [InlineData("cron(0 9 ? * 6#3 *)")]
    [InlineData("  rate(5 minutes)\n")]
    [InlineData("rate(1 day)")]
    [InlineData("at(2027-01-02T03:04:05)")]
    public void CachedParse_GivesTheSameScheduleAsAFreshParse(string text)
    {
        var cache = new ScheduleCache(16);
        Assert.True(ScheduleParser.TryParse(text, out var fresh, out _));

        Assert.True(cache.TryParse(text, out var first, out var firstError), firstError);
        Assert.True(cache.TryParse(text, out var cached, out var cachedError), cachedError);

        Assert.Same(first, cached);
        Assert.Equal(fresh.Text, cached.Text);
        Assert.Equal(fresh.Kind, cached.Kind);
        Assert.Equal(Upcoming(fresh), Upcoming(cached));
    }

    [Fact]
    public void InvalidText_GivesTheSameErrorEveryTime_AndIsNotKept()
    {
        var cache = new ScheduleCache(16);

        Assert.False(cache.TryParse("cron(0 12 * * 8 *)", out _, out var first));
        Assert.False(cache.TryParse("cron(0 12 * * 8 *)", out _, out var second));

        Assert.Equal("day-of-month and day-of-week: one of them must be ?", first);
        Assert.Equal(first, second);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Cache_StaysWithinItsCapacity_AndStillParses_WhenClientsSendEndlessDistinctExpressions()
    {
        var cache = new ScheduleCache(8);
        var midnight = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

        for (var minute = 0; minute < 50; minute++)
        {
            Assert.True(cache.TryParse($"cron({minute} 12 * * ? *)", out var schedule, out _));
            Assert.Equal(midnight.AddHours(12).AddMinutes(minute), schedule.GetNextOccurrence(midnight, 0));
            Assert.InRange(cache.Count, 1, 8);
        }
    }

    [Fact]
    public void ScheduleExpression_TryParse_SharesOneInstancePerText()
    {
        Assert.True(ScheduleExpression.TryParse("cron(7 7 * * ? *)", out var first, out _));
        Assert.True(ScheduleExpression.TryParse("cron(7 7 * * ? *)", out var second, out _));

        Assert.Same(first, second);
    }

    private static List<DateTimeOffset> Upcoming(ScheduleExpression schedule) =>
        [.. ScheduleQueue.Upcoming(schedule, phase: 1234, Now, 20).InstantsMs.Select(DateTimeOffset.FromUnixTimeMilliseconds)];
}
