using JobManager.Core.Executions;
using JobManager.Core.Jobs;
using StackExchange.Redis;

namespace JobManager.Core.Storage;

/// <summary>
/// Backfills: one execution per past instant of a job (trigger <c>backfill</c>), recorded at once and
/// delivered now, in schedule order, by whichever dispatcher looks first (create_backfill.lua).
/// </summary>
public sealed class BackfillStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    /// <summary>The most instants one backfill may cover.</summary>
    public const int MaxInstants = 1000;

    /// <summary>The new executions' ids, in schedule order; null when the job does not exist.</summary>
    public async Task<IReadOnlyList<string>?> CreateAsync(JobRef job, IReadOnlyList<long> instantsMs)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(instantsMs.Count, MaxInstants);
        var shard = keys.ShardOf(job);
        var ids = instantsMs.Select(_ => ExecutionId.New(shard)).ToList();
        var scriptKeys = new List<RedisKey>(3 + ids.Count) { keys.Job(job), keys.JobExecutions(job), keys.Pending(shard) };
        var args = new List<RedisValue>(ids.Count * 4);
        for (var i = 0; i < ids.Count; i++)
        {
            scriptKeys.Add(keys.Execution(shard, ids[i]));
            args.AddRange([ids[i], RedisKeys.WorkMember(ids[i], job), RedisKeys.ExecutionMember(ids[i]), instantsMs[i]]);
        }
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(LuaScripts.CreateBackfill, [.. scriptKeys], [.. args]))!;
        if ((string)result[0]! == "missing")
        {
            return null;
        }
        if (ids.Count > 0)
        {
            await redis.GetSubscriber().PublishAsync(RedisKeys.WakeChannel, (long)result[1], CommandFlags.FireAndForget);
        }
        return ids;
    }
}
