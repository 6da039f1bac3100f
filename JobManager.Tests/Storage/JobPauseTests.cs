using JobManager.Core.Jobs;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>
/// Auto-pause in job_health.lua: a job disables itself after pause_after_failures consecutive failures, or
/// when its target answers 410 Gone; paused_reason is kept while disabled and cleared by enabling.
/// </summary>
[Collection(RedisCollection.Name)]
public class JobPauseTests(RedisServerFixture redis)
{
    private static async Task<Job> JobAsync(StoreSet stores, JobRef job) => (await stores.Jobs.GetAsync(job))!;

    [Fact]
    public async Task Job_DisablesItself_WhenConsecutiveFailuresReachPauseAfterFailures()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("pause-after");
        await stores.UpsertAsync(job, TestJobs.Definition() with { PauseAfterFailures = 2 });
        var now = await stores.NowMsAsync();

        var first = await stores.DeliveryAtAsync(job, now - 5_000);
        await stores.Answers.MarkFailedAsync(first, first.ClaimedAtMs, "HTTP 500 Internal Server Error", 500);
        Assert.True((await JobAsync(stores, job)).Enabled);
        var second = await stores.DeliveryAtAsync(job, now - 3_000);
        await stores.Answers.MarkFailedAsync(second, second.ClaimedAtMs, "HTTP 500 Internal Server Error", 500);

        var paused = await JobAsync(stores, job);
        Assert.False(paused.Enabled);
        Assert.Equal("paused after 2 consecutive failures", paused.PausedReason);
        Assert.Equal(JobHealth.Paused, paused.HealthStatus);
        Assert.Null(paused.NextScheduledMs);
    }

    [Fact]
    public async Task Answer410_PausesTheJob_EvenWithoutPauseAfterFailures()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("pause-gone");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);

        await stores.Answers.MarkFailedAsync(delivery, delivery.ClaimedAtMs, "HTTP 410 Gone", 410);

        var paused = await JobAsync(stores, job);
        Assert.False(paused.Enabled);
        Assert.Equal("target answered 410 Gone", paused.PausedReason);
        // A disabled job leaves the wheel at its next claim: nothing more is claimed for it.
        await stores.SetNextInstantAsync(job, await stores.NowMsAsync() - 1_000);
        var claim = await stores.ClaimShardAsync(stores.Keys.ShardOf(job));
        Assert.DoesNotContain(claim.Deliveries, d => d.Job == job);
    }

    [Fact]
    public async Task PausedReason_IsKeptByAPutThatLeavesItOut_AndClearedByEnabling()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("pause-reason");
        await stores.UpsertAsync(job, TestJobs.Definition(enabled: false) with { PausedReason = "maintenance" });

        var kept = await stores.UpsertAsync(job, TestJobs.Definition(enabled: false));
        Assert.Equal("maintenance", kept.PausedReason);
        Assert.Equal("maintenance", (await JobAsync(stores, job)).PausedReason);

        var enabled = await stores.UpsertAsync(job, TestJobs.Definition(enabled: true));
        Assert.Null(enabled.PausedReason);
        Assert.Null((await JobAsync(stores, job)).PausedReason);
        Assert.Null((await stores.UpsertAsync(job, TestJobs.Definition(enabled: false))).PausedReason);
    }
}
