using JobManager.Core.Schedules;

namespace JobManager.Tests.Schedules;

/// <summary>
/// <see cref="RatePhase"/>: XXH64 of <c>service/job</c> modulo the period. The pinned values were computed
/// independently with a reference XXH64 implementation (checked against XXH64("") = 0xEF46DB3751D8E999).
/// </summary>
public class RatePhaseTests
{
    [Theory]
    // XXH64("billing/invoice-reminders") = 0xC686008179CB8B73
    [InlineData("billing", "invoice-reminders", 3_600, 1_459)]
    [InlineData("billing", "invoice-reminders", 86_400, 15_859)]
    // XXH64("billing/usage-export") = 0xB9A5C7BCC2ADB81D
    [InlineData("billing", "usage-export", 3_600, 2_637)]
    [InlineData("billing", "usage-export", 300, 237)]
    // XXH64("shipping/usage-export") = 0x4936FA4B491C590A: the service is part of the key.
    [InlineData("shipping", "usage-export", 3_600, 2_122)]
    // Over 32 bytes, XXH64 takes its other path: 0xB707F61E2DD9917B
    [InlineData("billing", "a-rather-long-job-name-that-is-over-thirty-two-bytes", 3_600, 1_131)]
    [InlineData("billing", "invoice-reminders", 1, 0)]
    public void For_IsTheStableHashOfServiceAndJob_ModuloThePeriod(string service, string job, long period, long phase)
        => Assert.Equal(phase, RatePhase.For(service, job, period));

    [Fact]
    public void For_GivesTwoJobsOfOneServiceDifferentPhases_ForOneHour()
        => Assert.NotEqual(
            RatePhase.For("billing", "invoice-reminders", 3_600),
            RatePhase.For("billing", "usage-export", 3_600));

    [Fact]
    public void For_SpreadsManyHourlyJobsOverTheHour()
    {
        var phases = Enumerable.Range(0, 1_000).Select(i => RatePhase.For("svc", $"job-{i}", 3_600)).ToList();

        Assert.All(phases, phase => Assert.InRange(phase, 0, 3_599));
        // 1000 draws from 3600 seconds: a uniform hash leaves about 870 distinct; all on :00 would leave 1.
        Assert.True(phases.Distinct().Count() > 800, $"only {phases.Distinct().Count()} distinct phases");
        Assert.Contains(phases, phase => phase >= 1_800);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void For_Throws_WhenThePeriodIsNotPositive(long period)
        => Assert.Throws<ArgumentOutOfRangeException>(() => RatePhase.For("billing", "usage-export", period));
}
