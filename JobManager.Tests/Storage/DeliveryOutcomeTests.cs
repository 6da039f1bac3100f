using JobManager.Core.Dispatch;
using JobManager.Core.Executions;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>
/// mark_started.lua and mark_failed.lua: what the webhook's answer does to a pending execution, fenced
/// by the attempt number (callbacks that beat the answer: <see cref="CallbackBeforeAnswerTests"/>).
/// </summary>
[Collection(RedisCollection.Name)]
public class DeliveryOutcomeTests(RedisServerFixture redis)
{
    [Fact]
    public async Task MarkStarted_MakesTheExecutionRunning_WithDeadlineNowPlusTtl()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("started");
        await stores.UpsertAsync(job, TestJobs.Definition(ttlSeconds: 120));
        var delivery = await stores.ClaimNowAsync(job);
        var invokedMs = delivery.ClaimedAtMs + 15;

        var before = await stores.NowMsAsync();
        var outcome = await stores.Answers.MarkStartedAsync(delivery, invokedMs, 202);
        var after = await stores.NowMsAsync();

        Assert.Equal(DeliveryOutcomeKind.Recorded, outcome.Kind);
        Assert.Equal(ExecutionStatus.Running, outcome.Status);
        Assert.InRange(outcome.DeadlineMs!.Value, before + 120_000, after + 120_000);
        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(ExecutionStatus.Running, execution.Status);
        Assert.Equal(outcome.DeadlineMs, execution.DeadlineMs);
        Assert.Equal(invokedMs, execution.ServiceInvokedAtMs);
        // The latency the webhook reported: instant to first claim.
        Assert.Equal(delivery.ClaimedAtMs - delivery.ScheduledMs, execution.InvocationLatencyMs);
        Assert.Equal(202, execution.HttpStatus);
        Assert.Null(await stores.PendingScoreAsync(delivery));
        Assert.Equal(outcome.DeadlineMs, await stores.DeadlineScoreAsync(delivery));
        Assert.True(await stores.IsActiveAsync(delivery));
    }

    [Fact]
    public async Task MarkStarted_IsRefused_WhenAnotherDispatcherTookTheExecutionOver()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("stale");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var first = await stores.ClaimNowAsync(job);
        await stores.ExpireLeaseAsync(first.Shard, first.ExecutionId, job);
        var second = Assert.Single((await stores.ReclaimShardAsync(first.Shard)).Deliveries, d => d.ExecutionId == first.ExecutionId);
        Assert.Equal(2, second.Attempt);

        var stale = await stores.Answers.MarkStartedAsync(first, first.ClaimedAtMs, 200);

        Assert.Equal(DeliveryOutcomeKind.Stale, stale.Kind);
        var execution = await stores.ExecutionAsync(job, first.ExecutionId);
        Assert.Equal(ExecutionStatus.Pending, execution.Status);
        Assert.Null(execution.ServiceInvokedAtMs);
        Assert.NotNull(await stores.PendingScoreAsync(second));
        // The new holder still records its own delivery.
        Assert.Equal(DeliveryOutcomeKind.Recorded, (await stores.Answers.MarkStartedAsync(second, second.ClaimedAtMs, 200)).Kind);
    }

    [Fact]
    public async Task MarkFailed_RecordsInvocationFailed_WithTheErrorAndHttpStatus()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("failed");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        var invokedMs = delivery.ClaimedAtMs + 20;

        var outcome = await stores.Answers.MarkFailedAsync(delivery, invokedMs, "HTTP 503 Service Unavailable", 503);

        Assert.Equal(DeliveryOutcomeKind.Recorded, outcome.Kind);
        Assert.Equal(ExecutionStatus.Failure, outcome.Status);
        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(ExecutionStatus.Failure, execution.Status);
        Assert.Equal(FailureReason.InvocationFailed, execution.FailureReason);
        Assert.Equal("HTTP 503 Service Unavailable", execution.Error);
        Assert.Equal(503, execution.HttpStatus);
        Assert.Equal(invokedMs, execution.ServiceInvokedAtMs);
        Assert.NotNull(execution.FinishedAtMs);
        Assert.Null(await stores.PendingScoreAsync(delivery));
        Assert.False(await stores.IsActiveAsync(delivery));
        Assert.True(await stores.Db.KeyTimeToLiveAsync(stores.Keys.Execution(delivery.Shard, delivery.ExecutionId)) > TimeSpan.FromDays(6));
    }

    [Fact]
    public async Task MarkFailed_RecordsNoStatusOrInvocationTime_WhenTheWebhookNeverGotAnAnswer()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("noanswer");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);

        await stores.Answers.MarkFailedAsync(delivery, null, "ConnectionError: Connection refused", null);

        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal("ConnectionError: Connection refused", execution.Error);
        Assert.Null(execution.HttpStatus);
        Assert.Null(execution.ServiceInvokedAtMs);
    }

    [Fact]
    public async Task MarkFailed_IsRefused_WhenAnotherDispatcherTookTheExecutionOver()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("stale");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var first = await stores.ClaimNowAsync(job);
        await stores.ExpireLeaseAsync(first.Shard, first.ExecutionId, job);
        Assert.Single((await stores.ReclaimShardAsync(first.Shard)).Deliveries, d => d.ExecutionId == first.ExecutionId);

        var stale = await stores.Answers.MarkFailedAsync(first, null, "timed out waiting for the service to answer", null);

        Assert.Equal(DeliveryOutcomeKind.Stale, stale.Kind);
        Assert.Equal(ExecutionStatus.Pending, (await stores.ExecutionAsync(job, first.ExecutionId)).Status);
    }

    [Fact]
    public async Task MarkStarted_ReportsMissing_WhenTheExecutionIsGone()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("gone");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        await stores.Db.KeyDeleteAsync(stores.Keys.Execution(delivery.Shard, delivery.ExecutionId));

        Assert.Equal(DeliveryOutcomeKind.Missing, (await stores.Answers.MarkStartedAsync(delivery, delivery.ClaimedAtMs, 200)).Kind);
        Assert.Equal(DeliveryOutcomeKind.Missing, (await stores.Answers.MarkFailedAsync(delivery, null, "x", null)).Kind);
    }
}
