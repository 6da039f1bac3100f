using JobManager.Core.Executions;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>apply_callback.lua through <see cref="Core.Storage.ExecutionStore.ApplyCallbackAsync"/>: heartbeats, final statuses, the job's last success.</summary>
[Collection(RedisCollection.Name)]
public class ApplyCallbackTests(RedisServerFixture redis)
{
    private static readonly CallbackReport Heartbeat = new(CallbackReport.Heartbeat, null, null, null);

    [Fact]
    public async Task Heartbeat_ExtendsTheDeadlineByTtl_AndCountsTheHeartbeat()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("heartbeat");
        await stores.UpsertAsync(job, TestJobs.Definition(ttlSeconds: 600));
        var delivery = await stores.ClaimNowAsync(job);
        await stores.Answers.MarkStartedAsync(delivery, delivery.ClaimedAtMs, 200);
        // Half the ttl has gone by.
        var now = await stores.NowMsAsync();
        await stores.SetDeadlineAsync(delivery.Shard, delivery.ExecutionId, job, now + 300_000);

        var first = Assert.IsType<CallbackOutcome.Applied>(await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, Heartbeat));
        var second = Assert.IsType<CallbackOutcome.Applied>(await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, Heartbeat));

        Assert.Equal(ExecutionStatus.Running, first.Status);
        Assert.InRange(first.TimeMs, now + 600_000, await stores.NowMsAsync() + 600_000);
        Assert.True(second.TimeMs >= first.TimeMs);
        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(2, execution.Heartbeats);
        Assert.Equal(second.TimeMs, execution.DeadlineMs);
        Assert.Equal(second.TimeMs, await stores.DeadlineScoreAsync(delivery));
    }

    [Fact]
    public async Task Heartbeat_WithExtendSeconds_SetsTheDeadlineThatFarFromNow_AndRecordsItsProgress()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("progress");
        await stores.UpsertAsync(job, TestJobs.Definition(ttlSeconds: 600));
        var delivery = await stores.ClaimNowAsync(job);
        await stores.Answers.MarkStartedAsync(delivery, delivery.ClaimedAtMs, 200);
        var before = await stores.NowMsAsync();

        var beat = Assert.IsType<CallbackOutcome.Applied>(await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId,
            new CallbackReport(CallbackReport.Heartbeat, "{\"page\":3}", "page 3 of 10", null, ExtendSeconds: 30)));

        Assert.InRange(beat.TimeMs, before + 30_000, await stores.NowMsAsync() + 30_000);
        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(beat.TimeMs, execution.DeadlineMs);
        Assert.Equal(beat.TimeMs, await stores.DeadlineScoreAsync(delivery));
        Assert.NotNull(execution.Progress);
        Assert.Equal("{\"page\":3}", execution.Progress.State);
        Assert.Equal("page 3 of 10", execution.Progress.Summary);
        Assert.Equal(beat.TimeMs - 30_000, execution.Progress.LastHeartbeatAtMs);
        // Progress is not the final callback's state: the execution has none yet.
        Assert.Null(execution.State);
        Assert.Null(execution.Summary);
    }

    [Fact]
    public async Task Heartbeat_WithoutProgress_ClearsTheEarlierHeartbeatsProgress()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("progress-cleared");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        await stores.Answers.MarkStartedAsync(delivery, delivery.ClaimedAtMs, 200);
        await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(CallbackReport.Heartbeat, "a", "b", null));

        var beat = Assert.IsType<CallbackOutcome.Applied>(await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, Heartbeat));

        var progress = (await stores.ExecutionAsync(job, delivery.ExecutionId)).Progress;
        Assert.NotNull(progress);
        Assert.Null(progress.State);
        Assert.Null(progress.Summary);
        Assert.Equal(beat.TimeMs - TestJobs.Definition().TtlSeconds * 1000L, progress.LastHeartbeatAtMs);
    }

    [Fact]
    public async Task Heartbeat_ExtendingPastTheTtl_IsRefused_AndChangesNothing()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("extend-too-long");
        await stores.UpsertAsync(job, TestJobs.Definition(ttlSeconds: 60));
        var delivery = await stores.ClaimNowAsync(job);
        await stores.Answers.MarkStartedAsync(delivery, delivery.ClaimedAtMs, 200);
        var deadline = await stores.DeadlineScoreAsync(delivery);

        var outcome = await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId,
            new CallbackReport(CallbackReport.Heartbeat, "s", null, null, ExtendSeconds: 61));

        Assert.Equal(60, Assert.IsType<CallbackOutcome.ExtendTooLong>(outcome).TtlSeconds);
        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(0, execution.Heartbeats);
        Assert.Null(execution.Progress);
        Assert.Equal(deadline, await stores.DeadlineScoreAsync(delivery));
    }

    [Fact]
    public async Task Success_AfterProgressHeartbeats_PassesOnTheFinalStateOnly_AndDropsTheProgress()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("progress-final");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var now = await stores.NowMsAsync();
        var first = await stores.DeliveryAtAsync(job, now - 5_000);
        await stores.Answers.MarkStartedAsync(first, first.ClaimedAtMs, 200);
        await stores.Executions.ApplyCallbackAsync(first.ExecutionId,
            new CallbackReport(CallbackReport.Heartbeat, "half", "halfway", null));
        await stores.Executions.ApplyCallbackAsync(first.ExecutionId,
            new CallbackReport(ExecutionStatus.Success, "done", "all rows", null));

        var next = await stores.DeliveryAtAsync(job, now - 1_000);

        Assert.Equal("done", next.LastSuccessfulExecution?.State);
        Assert.Equal("all rows", next.LastSuccessfulExecution?.Summary);
        var hash = stores.Keys.Execution(first.Shard, first.ExecutionId);
        foreach (var field in new[] { "ps", "pm", "lh" })
        {
            Assert.False(await stores.Db.HashExistsAsync(hash, field), field);
        }
    }

    [Fact]
    public async Task Success_StoresStateSummaryAndCorrelationId_AndEndsTheExecution()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("success");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        await stores.Answers.MarkStartedAsync(delivery, delivery.ClaimedAtMs, 200);

        var outcome = await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId,
            new CallbackReport(ExecutionStatus.Success, "{\"duration\":1234}", "Processed 666 rows", "foobar"));

        var applied = Assert.IsType<CallbackOutcome.Applied>(outcome);
        Assert.Equal(ExecutionStatus.Success, applied.Status);
        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(ExecutionStatus.Success, execution.Status);
        Assert.Equal("{\"duration\":1234}", execution.State);
        Assert.Equal("Processed 666 rows", execution.Summary);
        Assert.Equal("foobar", execution.CorrelationId);
        Assert.Equal(applied.TimeMs, execution.FinishedAtMs);
        Assert.Null(await stores.DeadlineScoreAsync(delivery));
        Assert.False(await stores.IsActiveAsync(delivery));
        Assert.True(await stores.Db.KeyTimeToLiveAsync(stores.Keys.Execution(delivery.Shard, delivery.ExecutionId)) > TimeSpan.FromDays(6));
    }

    [Fact]
    public async Task Success_BecomesTheLastSuccess_ThatTheNextDeliveryCarries()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("lastok");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var now = await stores.NowMsAsync();
        var first = await stores.DeliveryAtAsync(job, now - 5_000);
        await stores.Answers.MarkStartedAsync(first, first.ClaimedAtMs + 7, 200);
        await stores.Executions.ApplyCallbackAsync(first.ExecutionId,
            new CallbackReport(ExecutionStatus.Success, "{\"cursor\":42}", "ok", null));

        var next = await stores.DeliveryAtAsync(job, now - 1_000);

        var last = next.LastSuccessfulExecution;
        Assert.NotNull(last);
        Assert.Equal(first.ExecutionId, last.ExecutionId);
        Assert.Equal(first.ScheduledMs, last.ScheduledMs);
        Assert.Equal(first.ClaimedAtMs + 7, last.ServiceInvokedAtMs);
        Assert.Equal("{\"cursor\":42}", last.State);
        Assert.Equal("ok", last.Summary);
    }

    [Fact]
    public async Task Success_DoesNotReplaceALaterScheduledLastSuccess()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("older");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var now = await stores.NowMsAsync();
        var older = await stores.DeliveryAtAsync(job, now - 5_000);
        var newer = await stores.DeliveryAtAsync(job, now - 3_000);
        await stores.Executions.ApplyCallbackAsync(newer.ExecutionId, new CallbackReport(ExecutionStatus.Success, "new", null, null));

        await stores.Executions.ApplyCallbackAsync(older.ExecutionId, new CallbackReport(ExecutionStatus.Success, "old", null, null));

        var next = await stores.DeliveryAtAsync(job, now - 1_000);
        Assert.Equal(newer.ExecutionId, next.LastSuccessfulExecution?.ExecutionId);
        Assert.Equal("new", next.LastSuccessfulExecution?.State);
    }

    [Fact]
    public async Task Failure_IsNotTheLastSuccess()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("failure");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var now = await stores.NowMsAsync();
        var first = await stores.DeliveryAtAsync(job, now - 5_000);

        var outcome = await stores.Executions.ApplyCallbackAsync(first.ExecutionId, new CallbackReport(ExecutionStatus.Failure, "s", "broke", null));

        Assert.Equal(ExecutionStatus.Failure, Assert.IsType<CallbackOutcome.Applied>(outcome).Status);
        Assert.Equal(FailureReason.Reported, (await stores.ExecutionAsync(job, first.ExecutionId)).FailureReason);
        Assert.Null((await stores.DeliveryAtAsync(job, now - 1_000)).LastSuccessfulExecution);
    }

    [Theory]
    [InlineData(ExecutionStatus.Success, ExecutionStatus.Failure)]
    [InlineData(ExecutionStatus.Failure, ExecutionStatus.Success)]
    [InlineData(ExecutionStatus.Success, ExecutionStatus.Success)]
    [InlineData(ExecutionStatus.Success, CallbackReport.Heartbeat)]
    public async Task SecondCallback_ReportsAlreadyFinished_WithTheFirstStatus_AndChangesNothing(string first, string second)
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("twice");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(first, "first", "first", null));

        var outcome = await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(second, "second", "second", "c"));

        Assert.Equal(first, Assert.IsType<CallbackOutcome.AlreadyFinished>(outcome).Status);
        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(first, execution.Status);
        Assert.Equal("first", execution.State);
        Assert.Null(execution.CorrelationId);
    }

    // The execution's owner, attempt, send time and trace context come back from the script itself:
    // the Api's metrics and callback span need them, and reading them first cost a round trip.

    [Theory]
    [InlineData(ExecutionStatus.Success)]
    [InlineData(ExecutionStatus.Failure)]
    [InlineData(CallbackReport.Heartbeat)]
    public async Task Callback_ReadsTheOwnerThenRunsOneScript_AndReportsWhoseExecutionItApplied(string status)
    {
        await using var log = await CommandLog.ConnectAsync(redis);
        var stores = redis.CreateStores(connection: log.Connection);
        var job = TestJobs.Job("subject");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        await stores.Answers.MarkStartedAsync(delivery, delivery.ClaimedAtMs + 7, 200, traceParent: traceParent);
        log.Take();

        var outcome = await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(status, null, null, null));

        // The owner's read names the job keys the script declares. A heartbeat's wake-up PUBLISH is
        // fire-and-forget: sent, never waited for.
        var commands = log.Take().Where(c => c != "PUBLISH").ToList();
        Assert.Equal(2, commands.Count);
        Assert.Equal("HMGET", commands[0]);
        Assert.StartsWith("EVAL", commands[1], StringComparison.Ordinal);
        Assert.IsType<CallbackOutcome.Applied>(outcome);
        Assert.Equal(new CallbackSubject(job, 1, delivery.ClaimedAtMs + 7, traceParent), outcome.Subject);
    }

    [Fact]
    public async Task AlreadyFinished_ReportsWhoseExecutionItWas()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("subject");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        await stores.Answers.MarkStartedAsync(delivery, delivery.ClaimedAtMs + 3, 200);
        await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(ExecutionStatus.Failure, null, null, null));

        var outcome = await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(ExecutionStatus.Success, null, null, null));

        Assert.IsType<CallbackOutcome.AlreadyFinished>(outcome);
        Assert.Equal(new CallbackSubject(job, 1, delivery.ClaimedAtMs + 3, null), outcome.Subject);
    }

    [Fact]
    public async Task Callback_BeforeTheWebhooksAnswer_ReportsNoSendTimeAndNoTraceContext()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("subject");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);

        var outcome = await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(ExecutionStatus.Success, null, null, null));

        Assert.Equal(new CallbackSubject(job, 1, null, null), Assert.IsType<CallbackOutcome.Applied>(outcome).Subject);
    }

    [Fact]
    public async Task Success_EndsTheExecution_InItsJobsActiveSet_FoundFromTheExecution()
    {
        var stores = redis.CreateStores(shards: 16);
        var job = TestJobs.Job("active");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var delivery = await stores.ClaimNowAsync(job);
        Assert.True(await stores.IsActiveAsync(delivery));

        await stores.Executions.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(ExecutionStatus.Success, "s", null, null));

        Assert.False(await stores.IsActiveAsync(delivery));
        Assert.Equal(delivery.ExecutionId, await stores.JobFieldAsync(job, "last_ok_id"));
    }

    [Theory]
    // Well-formed, shard 0, never issued.
    [InlineData("00000000-1111-4222-8333-444444444444")]
    // Shard 0x0fff: no such shard.
    [InlineData("0fff0000-1111-4222-8333-444444444444")]
    [InlineData("not-an-execution-id")]
    [InlineData("00000000-1111-4222-8333-44444444444A")]
    public async Task Callback_ReportsNotFound_ForAnUnknownExecutionId(string executionId)
    {
        var stores = redis.CreateStores();

        var outcome = await stores.Executions.ApplyCallbackAsync(executionId, new CallbackReport(ExecutionStatus.Success, null, null, null));

        Assert.Null(Assert.IsType<CallbackOutcome.NotFound>(outcome).Subject);
    }
}
