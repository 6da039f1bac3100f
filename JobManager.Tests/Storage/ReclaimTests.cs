using JobManager.Core.Executions;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>
/// reclaim_pending.lua and create_manual_run.lua: a pending execution whose lease ran out goes to
/// another dispatcher as the same execution with a higher attempt; a manual run starts out that way.
/// </summary>
[Collection(RedisCollection.Name)]
public class ReclaimTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Reclaim_HandsAnExpiredLeaseOutAgain_AsTheSameExecutionWithTheNextAttempt()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("reclaim");
        await stores.UpsertAsync(job, TestJobs.Definition(payload: "p", ttlSeconds: 33));
        var first = await stores.ClaimNowAsync(job);
        await stores.ExpireLeaseAsync(first.Shard, first.ExecutionId, job);

        var result = await stores.ReclaimShardAsync(first.Shard);

        var again = Assert.Single(result.Deliveries, d => d.ExecutionId == first.ExecutionId);
        Assert.Equal(2, again.Attempt);
        Assert.Equal(first.Job, again.Job);
        Assert.Equal(first.ScheduledMs, again.ScheduledMs);
        Assert.Equal("p", again.Payload);
        Assert.Equal(33, again.TtlSeconds);
        // The first claim's time is kept, so the redelivered webhook reports the same latency.
        Assert.Equal(first.ClaimedAtMs, again.ClaimedAtMs);
        Assert.InRange(await stores.PendingScoreAsync(again) ?? 0, first.ClaimedAtMs + StoreSet.LeaseMs, await stores.NowMsAsync() +
            StoreSet.LeaseMs);
        var execution = await stores.ExecutionAsync(job, first.ExecutionId);
        Assert.Equal(2, execution.Attempt);
        Assert.Equal(ExecutionStatus.Pending, execution.Status);
        Assert.Single(await stores.JobExecutionIdsAsync(job));
    }

    [Fact]
    public async Task Reclaim_HandsEachExpiredLeaseToOneDispatcher_WhenSeveralRace()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("racereclaim");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var now = await stores.NowMsAsync();
        var expired = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var delivery = await stores.DeliveryAtAsync(job, now - 60_000 + i * 1_000);
            await stores.ExpireLeaseAsync(delivery.Shard, delivery.ExecutionId, job);
            expired.Add(delivery.ExecutionId);
        }
        var shard = stores.Keys.ShardOf(job);

        var reclaimers = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            (await stores.Claims.ReclaimAsync(shard, await stores.NowMsAsync(), 5, StoreSet.LeaseMs)).Deliveries
                .Concat((await stores.Claims.ReclaimAsync(shard, await stores.NowMsAsync(), 50, StoreSet.LeaseMs)).Deliveries)
                .ToList())).ToArray();
        var handedOut = (await Task.WhenAll(reclaimers)).SelectMany(d => d).Where(d => d.Job == job).ToList();

        Assert.Equal(expired.Order(), handedOut.Select(d => d.ExecutionId).Order());
        Assert.All(handedOut, d => Assert.Equal(2, d.Attempt));
    }

    [Fact]
    public async Task Reclaim_LeavesALiveLeaseAlone()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("live");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);

        var result = await stores.Claims.ReclaimAsync(delivery.Shard, delivery.ClaimedAtMs + StoreSet.LeaseMs, StoreSet.Batch,
            StoreSet.LeaseMs);

        Assert.DoesNotContain(result.Deliveries, d => d.ExecutionId == delivery.ExecutionId);
        Assert.Equal(1, (await stores.ExecutionAsync(job, delivery.ExecutionId)).Attempt);
    }

    [Fact]
    public async Task Reclaim_DropsTheLease_OfAnExecutionThatIsNoLongerPending()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("started");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(ExecutionStatus.Success, null, null, null));
        // A lease left behind by a crash between the callback and its cleanup.
        await stores.ExpireLeaseAsync(delivery.Shard, delivery.ExecutionId, job);

        var result = await stores.ReclaimShardAsync(delivery.Shard);

        Assert.DoesNotContain(result.Deliveries, d => d.ExecutionId == delivery.ExecutionId);
        Assert.Null(await stores.PendingScoreAsync(delivery));
        Assert.Equal(ExecutionStatus.Success, (await stores.ExecutionAsync(job, delivery.ExecutionId)).Status);
    }

    [Fact]
    public async Task Reclaim_FailsThePendingExecution_WhenItsJobWasDeleted()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("orphan");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        await stores.Jobs.DeleteAsync(job);
        await stores.ExpireLeaseAsync(delivery.Shard, delivery.ExecutionId, job);

        var result = await stores.ReclaimShardAsync(delivery.Shard);

        Assert.DoesNotContain(result.Deliveries, d => d.ExecutionId == delivery.ExecutionId);
        // The job is gone, so the execution is read by shard and id, as a callback would find it.
        var fields = await stores.ExecutionFieldsAsync(delivery.Shard, delivery.ExecutionId);
        Assert.Equal(ExecutionStatus.Failure, (string?)fields[ExecutionHash.Status]);
        Assert.Equal(FailureReason.InvocationFailed, (string?)fields[ExecutionHash.Reason]);
        Assert.Null(await stores.PendingScoreAsync(delivery));
        Assert.False(await stores.IsActiveAsync(delivery));
    }

    [Fact]
    public async Task CreateManualRun_RecordsAPendingRun_ThatReclaimPicksUpAtOnce()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("manual");
        await stores.UpsertAsync(job, TestJobs.Definition(payload: "by hand"));

        var run = await stores.Executions.CreateManualRunAsync(job);

        Assert.NotNull(run);
        Assert.Equal(ExecutionTrigger.Manual, run.Trigger);
        Assert.Equal(ExecutionStatus.Pending, run.Status);
        Assert.Equal(0, run.Attempt);
        Assert.Equal(0, run.ScheduledTimeMs % 1_000);
        var result = await stores.ReclaimShardAsync(stores.Keys.ShardOf(job));
        var delivery = Assert.Single(result.Deliveries, d => d.ExecutionId == run.ExecutionId);
        Assert.Equal(1, delivery.Attempt);
        Assert.Equal(run.ScheduledTimeMs, delivery.ScheduledMs);
        Assert.Equal("by hand", delivery.Payload);
        Assert.Equal(1, (await stores.ExecutionAsync(job, run.ExecutionId)).Attempt);
    }

    [Fact]
    public async Task CreateManualRun_RunsADisabledJob()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("manual");
        await stores.UpsertAsync(job, TestJobs.Definition(enabled: false));

        var run = await stores.Executions.CreateManualRunAsync(job);

        Assert.Equal(ExecutionStatus.Pending, run?.Status);
    }

    [Fact]
    public async Task CreateManualRun_RecordsExclusiveConflict_WhenAnExclusiveJobIsBusy()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("manual");
        await stores.UpsertAsync(job, TestJobs.Definition(exclusive: true));
        await stores.ClaimNowAsync(job);

        var run = await stores.Executions.CreateManualRunAsync(job);

        Assert.NotNull(run);
        Assert.Equal(ExecutionStatus.Failure, run.Status);
        Assert.Equal(FailureReason.ExclusiveConflict, run.FailureReason);
        Assert.Null(await stores.Db.SortedSetScoreAsync(stores.Keys.Pending(stores.Keys.ShardOf(job)),
            Core.Storage.RedisKeys.WorkMember(run.ExecutionId, job)));
    }

    [Fact]
    public async Task CreateManualRun_ReturnsNull_WhenTheJobDoesNotExist()
    {
        var stores = redis.CreateStores();

        Assert.Null(await stores.Executions.CreateManualRunAsync(TestJobs.Job("nojob")));
    }
}
