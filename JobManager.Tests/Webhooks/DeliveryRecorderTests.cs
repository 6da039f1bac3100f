extern alias dispatcher;

using System.Net;
using dispatcher::JobManager.Dispatcher.Configuration;
using dispatcher::JobManager.Dispatcher.Deliveries;
using JobManager.Core.Configuration;
using JobManager.Core.Dispatch;
using JobManager.Core.Executions;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;
using JobManager.Tests.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace JobManager.Tests.Webhooks;

/// <summary>
/// DeliveryRecorder: answers wait per shard and are recorded together, yet every caller gets its own
/// outcome (or the failure of the call that carried its answer), and nothing queued is left behind at stop.
/// A <see cref="FakeTimeProvider"/> that is never advanced stands for a delay that has not run out yet.
/// </summary>
[Collection(RedisCollection.Name)]
public class DeliveryRecorderTests(RedisServerFixture redis)
{
    [NeedsRedisServer]
    [Fact]
    public async Task EachCaller_GetsItsOwnOutcome_WhenOneBatchHoldsRunningStaleMissingAndCallbackFirst()
    {
        var stores = redis.CreateStores(shards: 1);
        var jobs = new[] { "running", "stale", "missing", "fast" }.Select(hint => TestJobs.Job(hint)).ToList();
        foreach (var job in jobs)
        {
            await stores.UpsertAsync(job, TestJobs.Definition(ttlSeconds: 120));
        }
        var running = await stores.ClaimNowAsync(jobs[0]);
        var stale = await stores.ClaimNowAsync(jobs[1]);
        await stores.ExpireLeaseAsync(stale.Shard, stale.ExecutionId, stale.Job);
        Assert.Contains((await stores.ReclaimShardAsync(stale.Shard)).Deliveries, d => d.ExecutionId == stale.ExecutionId);
        var missing = await stores.ClaimNowAsync(jobs[2]);
        await stores.Db.KeyDeleteAsync(stores.Keys.Execution(missing.Shard, missing.ExecutionId));
        var fast = await stores.ClaimNowAsync(jobs[3]);
        Assert.IsType<CallbackOutcome.Applied>(await stores.Executions.ApplyCallbackAsync(
            fast.ExecutionId, new CallbackReport(ExecutionStatus.Success, null, "done", null)));
        using var recorder = Recorder(stores, batchSize: 4, new FakeTimeProvider());
        var calls = await stores.ScriptCallsAsync();

        var before = await stores.NowMsAsync();
        var outcomes = await Task.WhenAll(new[] { running, stale, missing, fast }.Select(d => recorder.RecordAsync(Accepted(d))));
        var after = await stores.NowMsAsync();

        Assert.Equal(1, await stores.ScriptCallsAsync() - calls);
        Assert.Equal((DeliveryOutcomeKind.Recorded, ExecutionStatus.Running), (outcomes[0].Kind, outcomes[0].Status));
        Assert.InRange(outcomes[0].DeadlineMs!.Value, before + 120_000, after + 120_000);
        Assert.Equal(outcomes[0].DeadlineMs, await stores.DeadlineScoreAsync(running));
        Assert.Equal(DeliveryOutcomeKind.Stale, outcomes[1].Kind);
        Assert.Equal(ExecutionStatus.Pending, (await stores.ExecutionAsync(stale.Job, stale.ExecutionId)).Status);
        Assert.Equal(DeliveryOutcomeKind.Missing, outcomes[2].Kind);
        Assert.Equal((DeliveryOutcomeKind.CallbackFirst, ExecutionStatus.Success), (outcomes[3].Kind, outcomes[3].Status));
        Assert.Equal((fast.ClaimedAtMs + 5).ToString(System.Globalization.CultureInfo.InvariantCulture),
            await stores.JobFieldAsync(fast.Job, "last_ok_invoked_ms"));
    }

    [NeedsRedisServer]
    [Fact]
    public async Task ConcurrentAnswers_AreRecordedWithFewScriptCalls()
    {
        var stores = redis.CreateStores(shards: 1);
        var deliveries = await stores.ClaimManyNowAsync("many", 200);
        using var recorder = Recorder(stores, batchSize: 64, TimeProvider.System, maxDelayMs: 20);
        var calls = await stores.ScriptCallsAsync();

        var outcomes = await Task.WhenAll(deliveries.Select(d => Task.Run(() => recorder.RecordAsync(Accepted(d)))));

        Assert.All(outcomes, outcome =>
            Assert.Equal((DeliveryOutcomeKind.Recorded, ExecutionStatus.Running), (outcome.Kind, outcome.Status)));
        // At most 64 answers a call: at least 4 calls, and nowhere near one per answer.
        Assert.InRange(await stores.ScriptCallsAsync() - calls, 4, 20);
    }

    [Fact]
    public async Task Stopped_RecordsTheAnswersStillWaitingForTheirBatch()
    {
        var stores = redis.CreateStores(shards: 1);
        var deliveries = await stores.ClaimManyNowAsync("waiting", 3);
        using var recorder = Recorder(stores, batchSize: 64, new FakeTimeProvider());
        var recording = deliveries.Select(d => recorder.RecordAsync(Accepted(d))).ToList();
        Assert.All(recording, task => Assert.False(task.IsCompleted));

        await recorder.StoppedAsync(CancellationToken.None);

        Assert.All(recording, task => Assert.True(task.IsCompletedSuccessfully));
        foreach (var delivery in deliveries)
        {
            Assert.Equal(ExecutionStatus.Running, (await stores.ExecutionAsync(delivery.Job, delivery.ExecutionId)).Status);
        }
    }

    [Fact]
    public async Task HostStop_RecordsAnAnswerQueuedWhileAnotherServiceStops()
    {
        var stores = redis.CreateStores(shards: 1);
        var delivery = Assert.Single(await stores.ClaimManyNowAsync("drain", 1));
        using var recorder = Recorder(stores, batchSize: 64, new FakeTimeProvider());
        // Registered first, so stopped last: the worst case for an answer that comes during the dispatch loop's drain.
        var draining = new AnswersWhenStopping(recorder, Accepted(delivery));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddHostedService(_ => draining);
        builder.Services.AddHostedService(_ => recorder);
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        var recorded = Assert.IsType<Task<DeliveryOutcome>>(draining.Recording);
        Assert.True(recorded.IsCompletedSuccessfully);
        Assert.Equal(ExecutionStatus.Running, (await recorded).Status);
        Assert.Equal(ExecutionStatus.Running, (await stores.ExecutionAsync(delivery.Job, delivery.ExecutionId)).Status);
    }

    [Fact]
    public async Task RedisFailure_ReachesEveryCallerOfTheBatch_AndTheNextBatchIsStillSent()
    {
        // Nothing listens on the discard port: every call fails at once, as with Redis down.
        await using var unreachable = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
        {
            EndPoints = { { IPAddress.Loopback, 9 } },
            AbortOnConnectFail = false,
            BacklogPolicy = BacklogPolicy.FailFast,
            ConnectTimeout = 1_000,
        });
        var keys = new RedisKeys(1);
        var store = new DeliveryAnswerStore(unreachable, keys, Options.Create(new RetentionOptions()));
        using var recorder = new DeliveryRecorder(store, keys, Options.Create(new RecordingOptions { BatchSize = 5 }), TimeProvider.System);
        var deliveries = Enumerable.Range(1, 5)
            .Select(i => TestDeliveries.Of() with { Shard = 0, ExecutionId = $"0000b1f3-0000-4000-8000-00000000000{i}" }).ToList();

        var recording = deliveries.Select(d => recorder.RecordAsync(Accepted(d))).ToList();

        var failures = new List<Exception>();
        foreach (var task in recording)
        {
            failures.Add(await Assert.ThrowsAnyAsync<RedisException>(() => task.WaitAsync(TimeSpan.FromSeconds(30))));
        }
        // One call carried them all: one failure, seen by each caller.
        Assert.Single(failures.Distinct());
        await Assert.ThrowsAnyAsync<RedisException>(() =>
            recorder.RecordAsync(Accepted(deliveries[0])).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static DeliveryRecorder Recorder(StoreSet stores, int batchSize, TimeProvider time, int maxDelayMs = 2) =>
        new(stores.Answers, stores.Keys,
            Options.Create(new RecordingOptions { BatchSize = batchSize, MaxDelayMilliseconds = maxDelayMs }), time);

    private static DeliveryAnswer.Accepted Accepted(Delivery delivery) =>
        new(delivery, delivery.ClaimedAtMs + 5, 200, [new DeliveryAttempt(delivery.ClaimedAtMs + 5, 200, null)]);

    /// <summary>A service whose stop hands the recorder an answer and does not wait for it.</summary>
    private sealed class AnswersWhenStopping(DeliveryRecorder recorder, DeliveryAnswer answer) : IHostedService
    {
        public Task<DeliveryOutcome>? Recording { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Recording = recorder.RecordAsync(answer);
            return Task.CompletedTask;
        }
    }
}
