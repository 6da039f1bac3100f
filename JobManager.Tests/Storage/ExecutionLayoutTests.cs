using JobManager.Core.Executions;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>
/// The compact execution hash (docs/redis-keys.md): times after the scheduled time, defaults left out,
/// what only an unfinished execution needs dropped when it finishes. Reads see none of it.
/// </summary>
[Collection(RedisCollection.Name)]
public class ExecutionLayoutTests(RedisServerFixture redis)
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    [Fact]
    public async Task FinishedExecution_ReadsAsItDidWhileRunning_ExceptWhatFinishingChanged()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("finish");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        var invokedMs = delivery.ClaimedAtMs + 40;
        await stores.Answers.MarkStartedAsync(delivery, invokedMs, 202,
            [new DeliveryAttempt(invokedMs - 1_500, 503, "HTTP 503"), new DeliveryAttempt(invokedMs + 9, 202, null)], TraceParent);
        var running = await stores.ExecutionAsync(job, delivery.ExecutionId);

        var applied = Assert.IsType<CallbackOutcome.Applied>(await stores.Executions.ApplyCallbackAsync(
            delivery.ExecutionId, new CallbackReport(ExecutionStatus.Success, "{\"n\":1}", "done", "corr-1")));

        var finished = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(running with
        {
            Status = ExecutionStatus.Success,
            FinishedAtMs = applied.TimeMs,
            DeadlineMs = null,
            State = "{\"n\":1}",
            Summary = "done",
            CorrelationId = "corr-1",
            DeliveryAttempts = finished.DeliveryAttempts,
        }, finished);
        Assert.Equal(running.DeliveryAttempts, finished.DeliveryAttempts);
        Assert.Equal(
            [new DeliveryAttempt(invokedMs - 1_500, 503, "HTTP 503"), new DeliveryAttempt(invokedMs + 9, 202, null)],
            finished.DeliveryAttempts);
        Assert.Equal(invokedMs, finished.ServiceInvokedAtMs);
        Assert.Equal(delivery.ClaimedAtMs - delivery.ScheduledMs, finished.InvocationLatencyMs);
        var listed = await stores.Executions.ListAsync(job.Service, job.Job, new ExecutionFilter(null, null, null), 10, null);
        var item = Assert.Single(listed.Items);
        Assert.Equal(finished with { DeliveryAttempts = [] }, item with { DeliveryAttempts = [] });
        Assert.Equal(finished.DeliveryAttempts, item.DeliveryAttempts);
    }

    [NeedsRedisServer]
    [Fact]
    public async Task FinishedExecution_IsAListpackHash_WithoutWhatOnlyAnUnfinishedOneNeeds()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("compact");
        await stores.UpsertAsync(job, TestJobs.Definition());
        // A success before: the next claim freezes it (`ok`) for redeliveries.
        var first = await stores.ClaimNowAsync(job);
        await stores.Executions.ApplyCallbackAsync(first.ExecutionId, new CallbackReport(ExecutionStatus.Success, null, null, null));
        var delivery = await stores.ClaimNowAsync(job);
        Assert.Contains("ok", (await stores.ExecutionFieldsAsync(delivery.Shard, delivery.ExecutionId)).Keys);
        await stores.Answers.MarkStartedAsync(delivery, delivery.ClaimedAtMs + 5, 200, traceParent: TraceParent);
        Assert.Contains(ExecutionHash.DeadlineAfter, (await stores.ExecutionFieldsAsync(delivery.Shard, delivery.ExecutionId)).Keys);

        await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(ExecutionStatus.Success, null, null, null));

        var key = stores.Keys.Execution(delivery.Shard, delivery.ExecutionId);
        Assert.Equal("listpack", await stores.EncodingAsync(key));
        var fields = await stores.ExecutionFieldsAsync(delivery.Shard, delivery.ExecutionId);
        string[] kept =
        [
            ExecutionHash.Service, ExecutionHash.Job, ExecutionHash.ScheduledMs, ExecutionHash.Status, ExecutionHash.Attempt,
            ExecutionHash.ClaimedAfter, ExecutionHash.TraceParent, ExecutionHash.InvokedAfter, ExecutionHash.HttpStatus,
            ExecutionHash.Deliveries, ExecutionHash.FinishedAfter,
        ];
        Assert.Equal(kept.Order(StringComparer.Ordinal), fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(26, ((byte[])fields[ExecutionHash.TraceParent]!).Length);
        Assert.Equal(5, (long)fields[ExecutionHash.InvokedAfter] - (long)fields[ExecutionHash.ClaimedAfter]);
    }
}
