using JobManager.Core.Jobs;
using JobManager.Core.Storage;

namespace JobManager.Tests.Storage;

/// <summary>The job hash's <c>queue</c> field: base-36 Unix seconds, short enough to keep the hash a listpack.</summary>
public class InstantQueueTests
{
    [Theory]
    [InlineData("1970-01-01T00:00:00Z", "0")]
    [InlineData("1970-01-01T00:00:36Z", "10")]
    [InlineData("2026-11-28T14:29:00Z", "tp7uwc")]
    [InlineData("2199-12-31T23:59:00Z", "3c1anyc")]
    public void Encode_WritesUnixSecondsInBase36(string instant, string stored)
    {
        var ms = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

        Assert.Equal(stored, InstantQueue.Encode(ms));
        Assert.Equal([ms], InstantQueue.Parse(stored));
    }

    [Fact]
    public void Format_RoundTrips_AndAFullQueueInTheLastCronYearFitsInAListpackValue()
    {
        var last = DateTimeOffset.Parse("2199-12-31T23:52:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var instants = Enumerable.Range(0, JobDefaults.QueuedOccurrences).Select(i => last + i * 60_000L).ToList();

        var stored = InstantQueue.Format(instants);

        Assert.Equal(instants, InstantQueue.Parse(stored));
        Assert.True(stored.Length <= 64, stored);
    }

    [Fact]
    public void Parse_ReadsAnEmptyOrMissingQueueAsNoInstants()
    {
        Assert.Empty(InstantQueue.Parse(null));
        Assert.Empty(InstantQueue.Parse(""));
    }

    [Fact]
    public void Encode_RefusesAnInstantThatIsNotAWholeSecond() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InstantQueue.Encode(1_795_876_140_001));
}
