using JobManager.Core.Dispatch;
using JobManager.Core.Executions;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;
using StackExchange.Redis;

namespace JobManager.Tests.Storage;

/// <summary>
/// DeliveryAnswerStore.RecordAsync: many answers in one script call per shard and kind (batched.lua running
/// mark_started.lua or mark_failed.lua per entry). What each entry does is proved in
/// <see cref="DeliveryOutcomeTests"/> and <see cref="CallbackBeforeAnswerTests"/>, through batches of one.
/// </summary>
[Collection(RedisCollection.Name)]
public class RecordBatchTests(RedisServerFixture redis)
{
    [NeedsRedisServer]
    [Fact]
    public async Task Record_MakesOneScriptCallPerShardAndKind_AndAnswersInTheOrderGiven()
    {
        var stores = redis.CreateStores(shards: 4);
        var deliveries = await stores.ClaimManyNowAsync("batch", 40);
        // Every fourth one failed: both kinds in every shard.
        var answers = deliveries.Select((d, i) => i % 4 == 0
            ? (DeliveryAnswer)new DeliveryAnswer.Failed(d, d.ClaimedAtMs, "HTTP 503 Service Unavailable", 503,
                [new DeliveryAttempt(d.ClaimedAtMs, 503, "HTTP 503 Service Unavailable")])
            : new DeliveryAnswer.Accepted(d, d.ClaimedAtMs, 200, [new DeliveryAttempt(d.ClaimedAtMs, 200, null)])).ToList();
        var groups = answers.Select(a => (a.Delivery.Shard, a is DeliveryAnswer.Accepted)).Distinct().Count();
        var calls = await stores.ScriptCallsAsync();

        var recorded = await stores.Answers.RecordAsync(answers);

        Assert.Equal(groups, await stores.ScriptCallsAsync() - calls);
        Assert.Equal(answers.Count, recorded.Count);
        for (var i = 0; i < answers.Count; i++)
        {
            var expected = answers[i] is DeliveryAnswer.Accepted ? ExecutionStatus.Running : ExecutionStatus.Failure;
            Assert.Equal(new DeliveryOutcomeKind?(DeliveryOutcomeKind.Recorded), recorded[i].Outcome?.Kind);
            Assert.Equal(expected, recorded[i].Outcome?.Status);
            Assert.Equal(expected, (await stores.ExecutionAsync(deliveries[i].Job, deliveries[i].ExecutionId)).Status);
        }
    }

    [NeedsRedisServer]
    [Fact]
    public async Task Record_ReportsAnEntrysScriptError_ToThatAnswerAlone_AndRecordsTheOthers()
    {
        var stores = redis.CreateStores(shards: 1);
        var deliveries = await stores.ClaimManyNowAsync("broken", 3);
        // A corrupt ttl_s: mark_started fails computing the deadline, as it would in a call of its own.
        await stores.Db.HashSetAsync(stores.Keys.Execution(deliveries[1].Shard, deliveries[1].ExecutionId), ExecutionHash.TtlSeconds,
            "not a number");
        var calls = await stores.ScriptCallsAsync();

        var recorded = await stores.Answers.RecordAsync(
            [.. deliveries.Select(d =>
                new DeliveryAnswer.Accepted(d, d.ClaimedAtMs, 200, [new DeliveryAttempt(d.ClaimedAtMs, 200, null)]))]);

        Assert.Equal(1, await stores.ScriptCallsAsync() - calls);
        Assert.Equal(ExecutionStatus.Running, recorded[0].GetOutcome().Status);
        Assert.Null(recorded[1].Outcome);
        Assert.Contains("arithmetic", recorded[1].Error);
        Assert.Throws<RedisServerException>(() => recorded[1].GetOutcome());
        Assert.Equal(ExecutionStatus.Running, recorded[2].GetOutcome().Status);
        Assert.Equal(ExecutionStatus.Running, (await stores.ExecutionAsync(deliveries[2].Job, deliveries[2].ExecutionId)).Status);
    }
}
