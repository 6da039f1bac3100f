using JobManager.Core.Dispatch;
using JobManager.Core.Executions;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>
/// A fast service calls back before the dispatcher has recorded the webhook's answer: the callback
/// stands, and mark_started.lua or mark_failed.lua only report that it came first.
/// </summary>
[Collection(RedisCollection.Name)]
public class CallbackBeforeAnswerTests(RedisServerFixture redis)
{
    [Fact]
    public async Task MarkStarted_ReportsCallbackFirst_AndKeepsTheSuccess_WhenTheCallbackArrivedBeforeIt()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("fast");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        var callback = await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId,
            new CallbackReport(ExecutionStatus.Success, "{\"n\":1}", "done", "corr-1"));
        Assert.IsType<CallbackOutcome.Applied>(callback);

        var outcome = await stores.Answers.MarkStartedAsync(delivery, delivery.ClaimedAtMs + 5, 200);

        Assert.Equal(DeliveryOutcomeKind.CallbackFirst, outcome.Kind);
        Assert.Equal(ExecutionStatus.Success, outcome.Status);
        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(ExecutionStatus.Success, execution.Status);
        Assert.Null(execution.DeadlineMs);
        Assert.Equal("done", execution.Summary);
        // The invocation facts are still worth having.
        Assert.Equal(delivery.ClaimedAtMs + 5, execution.ServiceInvokedAtMs);
        Assert.Equal(200, execution.HttpStatus);
        Assert.Null(await stores.PendingScoreAsync(delivery));
        Assert.Null(await stores.DeadlineScoreAsync(delivery));
        Assert.False(await stores.IsActiveAsync(delivery));
        // The job's last success learns its invocation time too, for the next webhook.
        Assert.Equal((delivery.ClaimedAtMs + 5).ToString(System.Globalization.CultureInfo.InvariantCulture),
            await stores.JobFieldAsync(job, "last_ok_invoked_ms"));
    }

    [Fact]
    public async Task MarkStarted_ReportsCallbackFirst_AndKeepsTheHeartbeatDeadline_WhenAHeartbeatArrivedBeforeIt()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("heartbeat");
        await stores.UpsertAsync(job, TestJobs.Definition(ttlSeconds: 60));
        var delivery = await stores.ClaimNowAsync(job);
        var heartbeat = Assert.IsType<CallbackOutcome.Applied>(await stores.Executions.ApplyCallbackAsync(
            delivery.ExecutionId, new CallbackReport(CallbackReport.Heartbeat, null, null, null)));

        var outcome = await stores.Answers.MarkStartedAsync(delivery, delivery.ClaimedAtMs + 5, 200);

        Assert.Equal(DeliveryOutcomeKind.CallbackFirst, outcome.Kind);
        Assert.Equal(ExecutionStatus.Running, outcome.Status);
        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(ExecutionStatus.Running, execution.Status);
        Assert.Equal(heartbeat.TimeMs, execution.DeadlineMs);
        Assert.Equal(heartbeat.TimeMs, await stores.DeadlineScoreAsync(delivery));
        Assert.Equal(1, execution.Heartbeats);
    }

    [Fact]
    public async Task MarkFailed_ReportsCallbackFirst_AndLeavesTheExecutionRunning_WhenAHeartbeatArrivedBeforeIt()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("heartbeat");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(CallbackReport.Heartbeat, null, null, null));

        // The service had the webhook (it sent a heartbeat) even though its answer timed out.
        var outcome = await stores.Answers.MarkFailedAsync(delivery, null, "timed out waiting for the service to answer", null);

        Assert.Equal(DeliveryOutcomeKind.CallbackFirst, outcome.Kind);
        Assert.Equal(ExecutionStatus.Running, outcome.Status);
        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(ExecutionStatus.Running, execution.Status);
        Assert.Null(execution.Error);
        Assert.True(await stores.IsActiveAsync(delivery));
    }

    [Fact]
    public async Task MarkFailed_ReportsCallbackFirst_AndKeepsTheReportedFailure_WhenAFailureCallbackArrivedBeforeIt()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("reported");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId,
            new CallbackReport(ExecutionStatus.Failure, null, "bad input", null));

        var outcome = await stores.Answers.MarkFailedAsync(delivery, delivery.ClaimedAtMs, "HTTP 500 Internal Server Error", 500);

        Assert.Equal(DeliveryOutcomeKind.CallbackFirst, outcome.Kind);
        Assert.Equal(ExecutionStatus.Failure, outcome.Status);
        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(FailureReason.Reported, execution.FailureReason);
        Assert.Equal("bad input", execution.Summary);
        Assert.Null(execution.Error);
    }
}
