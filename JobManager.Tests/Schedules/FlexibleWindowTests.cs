using JobManager.Core.Schedules;

namespace JobManager.Tests.Schedules;

/// <summary>The flexible window's offsets: within the window, the same for a job and instant, spread over jobs.</summary>
public sealed class FlexibleWindowTests
{
    private const long TopOfTheHourMs = 1_830_297_600_000; // 2028-01-01T00:00:00Z

    [Fact]
    public void Offset_IsZero_WithoutAWindow()
        => Assert.Equal(0, FlexibleWindow.OffsetMs("svc/job", TopOfTheHourMs, 0));

    [Theory]
    [InlineData(1)]
    [InlineData(300)]
    [InlineData(3600)]
    public void Offset_IsWholeSecondsWithinTheWindow_AndTheSameEveryTime(int window)
    {
        for (var i = 0; i < 1000; i++)
        {
            var offset = FlexibleWindow.OffsetMs($"svc/job-{i}", TopOfTheHourMs + i * 60_000L, window);
            Assert.InRange(offset, 0, window * 1000L - 1);
            Assert.Equal(0, offset % 1000);
            Assert.Equal(offset, FlexibleWindow.OffsetMs($"svc/job-{i}", TopOfTheHourMs + i * 60_000L, window));
        }
    }

    [Fact]
    public void TenThousandJobsDueAtOnce_SpreadOverAFiveMinuteWindow()
    {
        var perSecond = Enumerable.Range(0, 10_000)
            .Select(i => FlexibleWindow.OffsetMs($"tenant-{i % 7}/report-{i}", TopOfTheHourMs, 300))
            .CountBy(offset => offset)
            .ToList();

        Assert.Equal(300, perSecond.Count);
        // An even spread puts 33 in each second; no second gets a pile.
        Assert.True(perSecond.Max(p => p.Value) < 80, $"the busiest second got {perSecond.Max(p => p.Value)}");
    }

    [Fact]
    public void Offset_ChangesFromInstantToInstant()
    {
        var offsets = Enumerable.Range(0, 50).Select(i => FlexibleWindow.OffsetMs("svc/job", TopOfTheHourMs + i * 3_600_000L, 300)).ToHashSet();

        Assert.True(offsets.Count > 20, $"only {offsets.Count} distinct offsets over 50 instants");
    }
}
