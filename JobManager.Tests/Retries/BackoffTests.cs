using JobManager.Core.Retries;

namespace JobManager.Tests.Retries;

/// <summary><see cref="Backoff"/>: the ceiling doubles from the first up to the cap, and a wait lies in its upper half.</summary>
public sealed class BackoffTests
{
    private static readonly Backoff Curve = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(5, 3200)]
    // 6400 would pass the cap.
    [InlineData(6, 5000)]
    [InlineData(1000, 5000)]
    // Nothing counts below the first retry.
    [InlineData(-1, 100)]
    public void Ceiling_Doubles_UntilTheCap(int retry, int expectedMs)
        => Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Curve.Ceiling(retry));

    [Theory]
    [InlineData(0, 0.0, 50)]
    [InlineData(0, 0.5, 75)]
    [InlineData(3, 0.0, 400)]
    [InlineData(3, 0.999, 799.6)]
    [InlineData(40, 0.0, 2500)]
    public void Delay_IsHalfTheCeiling_PlusJitterOfTheOtherHalf(int retry, double jitter, double expectedMs)
        => Assert.Equal(expectedMs, Curve.Delay(retry, jitter).TotalMilliseconds, precision: 6);

    [Fact]
    public void RandomDelays_StayWithinTheUpperHalfOfTheCeiling()
    {
        for (var retry = 0; retry < 10; retry++)
        {
            var ceiling = Curve.Ceiling(retry);
            for (var i = 0; i < 100; i++)
            {
                var delay = Curve.Delay(retry);
                Assert.InRange(delay, ceiling / 2, ceiling);
            }
        }
    }
}
