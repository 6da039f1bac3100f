using JobManager.Core.Hosting;

namespace JobManager.Tests.Hosting;

public sealed class RedisDurabilitySettingsTests
{
    [Theory]
    // What the app host's own Redis runs with (RedisDurability.cs): nothing to warn about.
    [InlineData("noeviction", "yes", "", false, false, false)]
    // Eviction policies: a full server deletes keys.
    [InlineData("allkeys-lru", "yes", "", true, false, false)]
    [InlineData("volatile-lru", "yes", "", true, false, false)]
    [InlineData("NoEviction", "yes", "", false, false, false)]
    // Persistence: redis-server's defaults snapshot only; a cache-like config persists nothing.
    [InlineData("noeviction", "no", "3600 1 300 100 60 10000", false, false, true)]
    [InlineData("noeviction", "no", "", false, true, false)]
    [InlineData("allkeys-lru", "no", "", true, true, false)]
    // Garnet reports no maxmemory-policy: nothing to judge about eviction.
    [InlineData(null, "yes", "", false, false, false)]
    public void Settings_SayWhetherDataCanBeLost(
        string? policy, string? appendOnly, string? save, bool canEvict, bool persistsNothing, bool snapshotsOnly)
    {
        var settings = new RedisDurabilitySettings(policy, appendOnly, save);

        Assert.Equal(canEvict, settings.CanEvict);
        Assert.Equal(persistsNothing, settings.PersistsNothing);
        Assert.Equal(snapshotsOnly, settings.SnapshotsOnly);
    }

    [Fact]
    public void Settings_AreUnknown_WhenTheServerReportsNeitherPolicyNorAppendOnly()
    {
        Assert.True(new RedisDurabilitySettings(null, null, null).IsUnknown);
        Assert.False(new RedisDurabilitySettings(null, null, null).PersistsNothing);
    }
}
