using Aspire.Hosting.Testing;
using JobManager.Core.Hosting;
using JobManager.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;

namespace JobManager.Tests.Hosting;

/// <summary>The start-up check reads CONFIG without admin mode, from redis-server (or Garnet) as the app host runs it.</summary>
[Collection(AppHostCollection.Name)]
public sealed class RedisDurabilityCheckTests(AppHostFixture app)
{
    [Fact]
    public async Task Check_FindsNothingToWarnAbout_OnTheRedisTheAppHostStarts()
    {
        var connectionString = await app.App.GetConnectionStringAsync("redis")
            ?? throw new InvalidOperationException("The app host gave no connection string for 'redis'.");
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);

        var logs = await RedisDurabilityCheckRun.LogsAsync(redis);

        Assert.DoesNotContain(logs, r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.DoesNotContain(logs, r => r.Id.Name == RedisDurabilityCheckRun.NotChecked);
        // maxmemory-policy noeviction with appendonly yes (redis-server), or no policy reported (Garnet).
        Assert.Contains(logs, r => r.Id.Name is RedisDurabilityCheckRun.Durable or RedisDurabilityCheckRun.PolicyUnreported);
    }
}

/// <summary>The Garnet side: Garnet answers CONFIG GET for appendonly and save, not for maxmemory-policy.</summary>
[Collection(GarnetCollection.Name)]
public sealed class GarnetDurabilityCheckTests(GarnetServerFixture garnet)
{
    [Fact]
    public async Task Check_ReadsGarnetsPersistence_AndSaysItReportsNoEvictionPolicy()
    {
        var logs = await RedisDurabilityCheckRun.LogsAsync(garnet.Redis);

        Assert.DoesNotContain(logs, r => r.Id.Name == RedisDurabilityCheckRun.NotChecked);
        Assert.Contains(logs, r => r.Id.Name == RedisDurabilityCheckRun.PolicyUnreported);
        Assert.DoesNotContain(logs, r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }
}

internal static class RedisDurabilityCheckRun
{
    // The events by name (Core's Log methods), so their ids can move within Core's range.

    /// <summary>The event logged when CONFIG was refused or answered nothing.</summary>
    public const string NotChecked = "NotChecked";

    /// <summary>The event logged when eviction is off and persistence on.</summary>
    public const string Durable = "Durable";

    /// <summary>The event logged when the server does not report maxmemory-policy (Garnet).</summary>
    public const string PolicyUnreported = "PolicyUnreported";

    /// <summary>Runs the check once over <paramref name="redis"/> and returns what it logged.</summary>
    public static async Task<IReadOnlyList<FakeLogRecord>> LogsAsync(IConnectionMultiplexer redis)
    {
        var logger = new FakeLogger<RedisDurabilityCheck>();
        using var check = new RedisDurabilityCheck(redis, logger);
        await check.StartAsync(CancellationToken.None);
        await check.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        await check.StopAsync(CancellationToken.None);
        return logger.Collector.GetSnapshot();
    }
}
