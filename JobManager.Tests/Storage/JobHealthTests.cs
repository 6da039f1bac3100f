using JobManager.Core.Executions;
using JobManager.Core.Jobs;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>
/// job_health.lua through the scripts that end executions: every final status becomes the job's health in
/// the same script (last execution, last success, consecutive failures).
/// </summary>
[Collection(RedisCollection.Name)]
public class JobHealthTests(RedisServerFixture redis)
{
    private static async Task<JobHealth> HealthAsync(StoreSet stores, JobRef job) =>
        (await stores.Jobs.GetAsync(job))!.Health!;

    [Fact]
    public async Task NewJob_IsHealthy_WithNoLastExecution()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("health-new");

        var created = await stores.UpsertAsync(job, TestJobs.Definition());

        Assert.Equal(JobHealth.Healthy, created.HealthStatus);
        Assert.Equal(JobHealth.None, await HealthAsync(stores, job));
    }

    [Fact]
    public async Task EveryKindOfFailure_CountsInARow_AndASuccessResetsTheCount()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("health-streak");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var now = await stores.NowMsAsync();

        var refused = await stores.DeliveryAtAsync(job, now - 9_000);
        await stores.Answers.MarkFailedAsync(refused, refused.ClaimedAtMs, "HTTP 500 Internal Server Error", 500);
        var afterRefusal = await HealthAsync(stores, job);
        Assert.Equal(1, afterRefusal.ConsecutiveFailures);
        Assert.Equal(new LastExecution(refused.ExecutionId, ExecutionStatus.Failure, FailureReason.InvocationFailed,
            refused.ScheduledMs, (await stores.ExecutionAsync(job, refused.ExecutionId)).FinishedAtMs!.Value), afterRefusal.LastExecution);

        var reported = await stores.DeliveryAtAsync(job, now - 7_000);
        await stores.Answers.MarkStartedAsync(reported, reported.ClaimedAtMs, 200);
        await stores.Executions.ApplyCallbackAsync(reported.ExecutionId, new CallbackReport(ExecutionStatus.Failure, null, null, null));
        Assert.Equal(FailureReason.Reported, (await HealthAsync(stores, job)).LastExecution?.Reason);

        var silent = await stores.DeliveryAtAsync(job, now - 5_000);
        await stores.Answers.MarkStartedAsync(silent, silent.ClaimedAtMs, 200);
        await stores.SetDeadlineAsync(silent.Shard, silent.ExecutionId, job, await stores.NowMsAsync() - 1_000);
        await stores.Leases.ExpireDeadlinesAsync(silent.Shard, await stores.NowMsAsync(), StoreSet.Batch);
        var afterTimeout = await HealthAsync(stores, job);
        Assert.Equal(3, afterTimeout.ConsecutiveFailures);
        Assert.Equal(FailureReason.Timeout, afterTimeout.LastExecution?.Reason);
        Assert.Null(afterTimeout.LastSuccessMs);
        Assert.Equal(JobHealth.Failing, (await stores.Jobs.GetAsync(job))!.HealthStatus);

        var ok = await stores.DeliveryAtAsync(job, now - 3_000);
        await stores.Answers.MarkStartedAsync(ok, ok.ClaimedAtMs, 200);
        var success = Assert.IsType<CallbackOutcome.Applied>(await stores.Executions.ApplyCallbackAsync(ok.ExecutionId,
            new CallbackReport(ExecutionStatus.Success, null, null, null)));

        var healed = await HealthAsync(stores, job);
        Assert.Equal(0, healed.ConsecutiveFailures);
        Assert.Equal(success.TimeMs, healed.LastSuccessMs);
        Assert.Equal(new LastExecution(ok.ExecutionId, ExecutionStatus.Success, null, ok.ScheduledMs, success.TimeMs),
            healed.LastExecution);
        Assert.Equal(JobHealth.Healthy, (await stores.Jobs.GetAsync(job))!.HealthStatus);
    }

    [Fact]
    public async Task ExclusiveConflict_CountsAsAFailure()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("health-exclusive");
        await stores.UpsertAsync(job, TestJobs.Definition(exclusive: true));
        await stores.Executions.CreateManualRunAsync(job);

        var conflict = await stores.Executions.CreateManualRunAsync(job);

        var health = await HealthAsync(stores, job);
        Assert.Equal(1, health.ConsecutiveFailures);
        Assert.Equal(conflict!.ExecutionId, health.LastExecution?.ExecutionId);
        Assert.Equal(FailureReason.ExclusiveConflict, health.LastExecution?.Reason);
    }

    [Fact]
    public async Task DisabledJob_IsPaused_WhateverItsRuns()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("health-paused");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var refused = await stores.ClaimNowAsync(job);
        await stores.Answers.MarkFailedAsync(refused, null, "ConnectionError: Connection refused", null);

        var disabled = await stores.UpsertAsync(job, TestJobs.Definition(enabled: false));

        Assert.Equal(JobHealth.Paused, disabled.HealthStatus);
        Assert.Equal(1, disabled.Health?.ConsecutiveFailures);
        Assert.Equal(refused.ExecutionId, disabled.Health?.LastExecution?.ExecutionId);
    }

    [Fact]
    public async Task CallbackAfterTheJobWasDeleted_LeavesNoJobHashBehind()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("health-deleted");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        await stores.Answers.MarkStartedAsync(delivery, delivery.ClaimedAtMs, 200);
        await stores.Jobs.DeleteAsync(job);

        await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(ExecutionStatus.Failure, null, null, null));

        Assert.False(await stores.Db.KeyExistsAsync(stores.Keys.Job(job)));
    }
}
