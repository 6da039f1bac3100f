using JobManager.Core.Configuration;
using JobManager.Core.Executions;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace JobManager.Tests.Storage;

/// <summary><see cref="RetentionStore"/>: history is trimmed to the per-job count, oldest first, never a running execution.</summary>
[Collection(RedisCollection.Name)]
public class RetentionTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Sweep_KeepsTheNewestPerJob_AndNeverRemovesAnExecutionStillRunning()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("retention");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var now = await stores.NowMsAsync();
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var delivery = await stores.DeliveryAtAsync(job, now - (10 - i) * 60_000);
            ids.Add(delivery.ExecutionId);
            await stores.Answers.MarkStartedAsync(delivery, delivery.ClaimedAtMs, 200);
            // The oldest stays running: retention must leave it alone.
            if (i > 0)
            {
                await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId,
                    new CallbackReport(ExecutionStatus.Success, null, null, null));
            }
        }
        var retention = new RetentionStore(redis.Redis, stores.Keys, Options.Create(new RetentionOptions { PerJob = 3 }));

        var removed = await retention.SweepShardAsync(stores.Keys.ShardOf(job), await stores.NowMsAsync(), CancellationToken.None);

        Assert.Equal(2, removed);
        var kept = await stores.JobExecutionIdsAsync(job);
        Assert.Equal(new[] { ids[0], ids[3], ids[4], ids[5] }.Order(StringComparer.Ordinal), kept.Order(StringComparer.Ordinal));
        Assert.False(await stores.Db.KeyExistsAsync(stores.Keys.Execution(stores.Keys.ShardOf(job), ids[1])));
        Assert.Equal(ExecutionStatus.Running, (await stores.ExecutionAsync(job, ids[0])).Status);
    }

    [Fact]
    public async Task FinishedExecutions_ExpireAfterTheRetentionDays()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("expiry");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        var key = stores.Keys.Execution(delivery.Shard, delivery.ExecutionId);
        Assert.Null(await stores.Db.KeyTimeToLiveAsync(key));

        await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(ExecutionStatus.Success, null, null, null));

        var ttl = await stores.Db.KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value.TotalDays, 6.99, 7.0);
    }

    [Fact]
    public async Task Sweep_TrimsADeletedJobsIndex_AfterTheServiceHasNoJobLeftInTheShard()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("deleted-sweep");
        var shard = stores.Keys.ShardOf(job);
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(ExecutionStatus.Success, null, null, null));
        await stores.Jobs.DeleteAsync(job);
        var deleted = stores.Keys.DeletedJobExecutions(shard, job.Service);
        Assert.Equal(1, await stores.Db.SortedSetLengthAsync(deleted));
        var retention = new RetentionStore(redis.Redis, stores.Keys, Options.Create(new RetentionOptions { Days = 1 }));

        await retention.SweepShardAsync(shard, await stores.NowMsAsync(), CancellationToken.None);
        var keptWithinRetention = await stores.Db.SortedSetLengthAsync(deleted);
        await retention.SweepShardAsync(shard, await stores.NowMsAsync() + 2 * 86_400_000L, CancellationToken.None);

        Assert.Equal(1, keptWithinRetention);
        Assert.False(await stores.Db.KeyExistsAsync(deleted));
        Assert.False(await stores.Db.SetContainsAsync(stores.Keys.DeletedJobServices(shard), job.Service));
    }

    [Fact]
    public async Task Sweep_RemovesExecutionsPastTheRetentionDays_FromAJobUnderItsCount()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("aged");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(ExecutionStatus.Success, null, null, null));
        var retention = new RetentionStore(redis.Redis, stores.Keys, Options.Create(new RetentionOptions { Days = 1 }));
        var shard = stores.Keys.ShardOf(job);

        await retention.SweepShardAsync(shard, await stores.NowMsAsync(), CancellationToken.None);
        var keptWithinRetention = await stores.JobExecutionIdsAsync(job);
        await retention.SweepShardAsync(shard, await stores.NowMsAsync() + 2 * 86_400_000L, CancellationToken.None);

        Assert.Equal([delivery.ExecutionId], keptWithinRetention);
        Assert.Empty(await stores.JobExecutionIdsAsync(job));
    }
}
