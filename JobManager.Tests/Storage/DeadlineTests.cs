using JobManager.Core.Dispatch;
using JobManager.Core.Executions;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>expire_deadlines.lua: running executions past their deadline time out, unless a callback got there first.</summary>
[Collection(RedisCollection.Name)]
public class DeadlineTests(RedisServerFixture redis)
{
    [Fact]
    public async Task ExpireDeadlines_TimesOutARunningExecution_WhoseDeadlinePassed()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("timeout");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await StartAsync(stores, job);
        await stores.SetDeadlineAsync(delivery.Shard, delivery.ExecutionId, job, await stores.NowMsAsync() - 1_000);

        await stores.Leases.ExpireDeadlinesAsync(delivery.Shard, await stores.NowMsAsync(), StoreSet.Batch);

        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(ExecutionStatus.Failure, execution.Status);
        Assert.Equal(FailureReason.Timeout, execution.FailureReason);
        Assert.NotNull(execution.FinishedAtMs);
        Assert.Null(await stores.DeadlineScoreAsync(delivery));
        Assert.False(await stores.IsActiveAsync(delivery));
        // A timed-out execution is final: a late callback cannot revive it.
        var late = await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(ExecutionStatus.Success, null, null, null));
        Assert.Equal(ExecutionStatus.Failure, Assert.IsType<CallbackOutcome.AlreadyFinished>(late).Status);
    }

    [Fact]
    public async Task ExpireDeadlines_DropsTheLastHeartbeatsProgress_WhenItTimesOut()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("timeout-progress");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await StartAsync(stores, job);
        await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(CallbackReport.Heartbeat, "s", "m", null));
        await stores.SetDeadlineAsync(delivery.Shard, delivery.ExecutionId, job, await stores.NowMsAsync() - 1_000);

        await stores.Leases.ExpireDeadlinesAsync(delivery.Shard, await stores.NowMsAsync(), StoreSet.Batch);

        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(FailureReason.Timeout, execution.FailureReason);
        Assert.Null(execution.Progress);
    }

    [Fact]
    public async Task ExpireDeadlines_LeavesARunningExecutionAlone_BeforeItsDeadline()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("intime");
        await stores.UpsertAsync(job, TestJobs.Definition(ttlSeconds: 300));
        var delivery = await StartAsync(stores, job);

        // Even when the caller's clock says the deadline is here, the script goes by Redis time.
        await stores.Leases.ExpireDeadlinesAsync(delivery.Shard, (long)(await stores.DeadlineScoreAsync(delivery))!.Value, StoreSet.Batch);

        Assert.Equal(ExecutionStatus.Running, (await stores.ExecutionAsync(job, delivery.ExecutionId)).Status);
        Assert.NotNull(await stores.DeadlineScoreAsync(delivery));
    }

    [Fact]
    public async Task ExpireDeadlines_KeepsTheExecution_WhenAHeartbeatExtendedTheDeadlineInTime()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("extended");
        await stores.UpsertAsync(job, TestJobs.Definition(ttlSeconds: 300));
        var delivery = await StartAsync(stores, job);
        await stores.SetDeadlineAsync(delivery.Shard, delivery.ExecutionId, job, await stores.NowMsAsync() - 1_000);
        var heartbeat = Assert.IsType<CallbackOutcome.Applied>(await stores.Executions.ApplyCallbackAsync(
            delivery.ExecutionId, new CallbackReport(CallbackReport.Heartbeat, null, null, null)));

        await stores.Leases.ExpireDeadlinesAsync(delivery.Shard, await stores.NowMsAsync(), StoreSet.Batch);

        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(ExecutionStatus.Running, execution.Status);
        Assert.Equal(heartbeat.TimeMs, execution.DeadlineMs);
        Assert.Equal(1, execution.Heartbeats);
        Assert.Equal(heartbeat.TimeMs, await stores.DeadlineScoreAsync(delivery));
    }

    [Fact]
    public async Task ExpireDeadlines_GoesByTheExecutionsDeadline_WhenTheDeadlineSetLagsBehindIt()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("lagging");
        await stores.UpsertAsync(job, TestJobs.Definition(ttlSeconds: 300));
        var delivery = await StartAsync(stores, job);
        var deadline = (await stores.ExecutionAsync(job, delivery.ExecutionId)).DeadlineMs!.Value;
        // The set says overdue; the execution's own deadline is still ahead.
        await stores.Db.SortedSetAddAsync(stores.Keys.Deadlines(delivery.Shard), RedisKeys.WorkMember(delivery.ExecutionId, job),
            await stores.NowMsAsync() - 1_000);

        await stores.Leases.ExpireDeadlinesAsync(delivery.Shard, await stores.NowMsAsync(), StoreSet.Batch);

        Assert.Equal(ExecutionStatus.Running, (await stores.ExecutionAsync(job, delivery.ExecutionId)).Status);
        Assert.Equal(deadline, await stores.DeadlineScoreAsync(delivery));
    }

    [Fact]
    public async Task ExpireDeadlines_LeavesAFinishedExecutionAlone_AndDropsItsDeadlineEntry()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("final");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await StartAsync(stores, job);
        await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(ExecutionStatus.Success, "s", null, null));
        // A deadline entry left behind, overdue.
        await stores.Db.SortedSetAddAsync(stores.Keys.Deadlines(delivery.Shard), RedisKeys.WorkMember(delivery.ExecutionId, job),
            await stores.NowMsAsync() - 1_000);

        await stores.Leases.ExpireDeadlinesAsync(delivery.Shard, await stores.NowMsAsync(), StoreSet.Batch);

        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(ExecutionStatus.Success, execution.Status);
        Assert.Null(execution.FailureReason);
        Assert.Null(await stores.DeadlineScoreAsync(delivery));
    }

    [Fact]
    public async Task TimeoutAndSuccessCallback_AgreeOnOneFinalStatus_WhenTheyRace()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("race");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var now = await stores.NowMsAsync();
        var deliveries = new List<Delivery>();
        for (var i = 0; i < 20; i++)
        {
            var delivery = await stores.DeliveryAtAsync(job, now - 60_000 + i * 1_000);
            await stores.Answers.MarkStartedAsync(delivery, delivery.ClaimedAtMs, 200);
            await stores.SetDeadlineAsync(delivery.Shard, delivery.ExecutionId, job, now - 1_000);
            deliveries.Add(delivery);
        }

        var callbacks = deliveries.Select(d => Task.Run(() => stores.Executions.ApplyCallbackAsync(
            d.ExecutionId, new CallbackReport(ExecutionStatus.Success, null, null, null)))).ToArray();
        var expiry = Task.Run(async () => await stores.Leases.ExpireDeadlinesAsync(deliveries[0].Shard, await stores.NowMsAsync(), StoreSet.Batch));
        await Task.WhenAll([.. callbacks, expiry]);

        foreach (var (delivery, callback) in deliveries.Zip(callbacks))
        {
            var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
            // The callback either won (applied, success) or found the timeout already there.
            var expected = await callback switch
            {
                CallbackOutcome.Applied => ExecutionStatus.Success,
                CallbackOutcome.AlreadyFinished finished => finished.Status,
                var other => throw new Xunit.Sdk.XunitException($"unexpected {other}"),
            };
            Assert.Equal(expected, execution.Status);
            Assert.Equal(expected == ExecutionStatus.Failure ? FailureReason.Timeout : null, execution.FailureReason);
            Assert.Null(await stores.DeadlineScoreAsync(delivery));
            Assert.False(await stores.IsActiveAsync(delivery));
        }
    }

    /// <summary>A running execution: claimed and its webhook accepted.</summary>
    private static async Task<Delivery> StartAsync(StoreSet stores, Core.Jobs.JobRef job)
    {
        var delivery = await stores.ClaimNowAsync(job);
        var started = await stores.Answers.MarkStartedAsync(delivery, delivery.ClaimedAtMs, 200);
        Assert.Equal(DeliveryOutcomeKind.Recorded, started.Kind);
        return delivery;
    }
}
