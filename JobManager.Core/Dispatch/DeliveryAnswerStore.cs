using System.Globalization;
using JobManager.Core.Configuration;
using JobManager.Core.Executions;
using JobManager.Core.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobManager.Core.Dispatch;

/// <summary>
/// Records what finished deliveries were answered: accepted webhooks make their executions running,
/// refused ones fail them. Each entry is fenced by its attempt, so a dispatcher that was taken over
/// writes nothing.
/// </summary>
public sealed class DeliveryAnswerStore(IConnectionMultiplexer redis, RedisKeys keys, IOptions<RetentionOptions> retention)
{
    private long RetentionMs => retention.Value.Days * 86_400_000L;

    /// <summary>
    /// Records the answers of finished deliveries with one script call per shard for the accepted ones
    /// and one for the failed ones (batched.lua running mark_started.lua or mark_failed.lua per entry):
    /// each entry is fenced by its own attempt, as a call of its own would be, and an error in one entry
    /// is that entry's alone. Results are in the order of <paramref name="answers"/>; a Redis failure
    /// throws for the whole call.
    /// </summary>
    public async Task<IReadOnlyList<RecordedAnswer>> RecordAsync(IReadOnlyList<DeliveryAnswer> answers)
    {
        var db = redis.GetDatabase();
        var results = new RecordedAnswer[answers.Count];
        var calls = Enumerable.Range(0, answers.Count)
            .GroupBy(i => (answers[i].Delivery.Shard, Accepted: answers[i] is DeliveryAnswer.Accepted))
            .Select(async group =>
            {
                var entries = group.ToList();
                var scriptKeys = new List<RedisKey>(entries.Count * 4);
                // ARGV[1] and ARGV[2], the keys and arguments per entry, are known once the first entry is built.
                var args = new List<RedisValue>(2 + entries.Count * 7) { 0, 0 };
                foreach (var i in entries)
                {
                    switch (answers[i])
                    {
                        case DeliveryAnswer.Accepted accepted:
                            AddStarted(accepted, scriptKeys, args);
                            break;
                        case DeliveryAnswer.Failed failed:
                            AddFailed(failed, scriptKeys, args);
                            break;
                    }
                }
                args[0] = scriptKeys.Count / entries.Count;
                args[1] = (args.Count - 2) / entries.Count;
                var script = group.Key.Accepted ? LuaScripts.MarkStarted : LuaScripts.MarkFailed;
                var replies = (RedisResult[])(await db.ScriptEvaluateAsync(script, [.. scriptKeys], [.. args]))!;
                for (var n = 0; n < entries.Count; n++)
                {
                    results[entries[n]] = ToRecorded((RedisResult[])replies[n]!);
                }
            });
        await Task.WhenAll(calls);
        return results;
    }

    // One entry of mark_started.lua: its KEYS and ARGV, as its header lists them.
    private void AddStarted(DeliveryAnswer.Accepted answer, List<RedisKey> scriptKeys, List<RedisValue> args)
    {
        var delivery = answer.Delivery;
        scriptKeys.AddRange([keys.Execution(delivery.Shard, delivery.ExecutionId), keys.Pending(delivery.Shard),
            keys.Deadlines(delivery.Shard), keys.Job(delivery.Job)]);
        args.AddRange(
        [
            delivery.Attempt, RedisKeys.WorkMember(delivery.ExecutionId, delivery.Job), answer.InvokedMs, answer.HttpStatus,
            DeliveryAttempt.Format(answer.Attempts, delivery.ScheduledMs), TraceParentField.Pack(answer.TraceParent),
        ]);
    }

    // One entry of mark_failed.lua: its KEYS and ARGV, as its header lists them.
    private void AddFailed(DeliveryAnswer.Failed answer, List<RedisKey> scriptKeys, List<RedisValue> args)
    {
        var delivery = answer.Delivery;
        scriptKeys.AddRange([keys.Execution(delivery.Shard, delivery.ExecutionId), keys.Pending(delivery.Shard),
            keys.ActiveExecutions(delivery.Job), keys.Job(delivery.Job)]);
        args.AddRange(
        [
            delivery.Attempt, RedisKeys.WorkMember(delivery.ExecutionId, delivery.Job),
            answer.InvokedMs?.ToString(CultureInfo.InvariantCulture) ?? "", answer.Error,
            answer.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "", RetentionMs,
            DeliveryAttempt.Format(answer.Attempts, delivery.ScheduledMs),
        ]);
    }

    private static RecordedAnswer ToRecorded(RedisResult[] result) =>
        (string)result[0]! == "error" ? new RecordedAnswer(null, (string?)result[1]) : new RecordedAnswer(ToOutcome(result), null);

    private static DeliveryOutcome ToOutcome(RedisResult[] result) => (string)result[0]! switch
    {
        "running" => new DeliveryOutcome(DeliveryOutcomeKind.Recorded, "running", (long?)result[1]),
        "failure" => new DeliveryOutcome(DeliveryOutcomeKind.Recorded, "failure", null),
        "stale" => new DeliveryOutcome(DeliveryOutcomeKind.Stale, null, null),
        "missing" => new DeliveryOutcome(DeliveryOutcomeKind.Missing, null, null),
        // The scripts tag a callback's status: it may be 'running' (a heartbeat came before the
        // webhook's answer) or 'failure' (reported), which untagged would pass for their own results.
        "callback" => new DeliveryOutcome(DeliveryOutcomeKind.CallbackFirst, (string)result[1]!, null),
        var other => throw new InvalidDataException($"Unexpected delivery script result '{other}'."),
    };
}
