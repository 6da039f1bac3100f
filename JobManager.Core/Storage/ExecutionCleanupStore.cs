using JobManager.Core.Jobs;
using StackExchange.Redis;

namespace JobManager.Core.Storage;

/// <summary>
/// Deletes finished executions scheduled before an instant, of one job or of a whole service (its deleted
/// jobs' included), with the retention sweep's trim_executions.lua: pending and running ones are never
/// touched. A job's last success lives on the job hash, so the next webhook still carries it.
/// </summary>
public sealed class ExecutionCleanupStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    // Executions per script call: each call holds Redis for the deletes of one chunk only.
    private const int ChunkSize = 500;

    /// <summary>How many executions of the job were deleted; null when the job does not exist.</summary>
    public async Task<long?> DeleteJobExecutionsAsync(JobRef job, long beforeMs)
    {
        var db = redis.GetDatabase();
        if (!await db.KeyExistsAsync(keys.Job(job)))
        {
            return null;
        }
        return await DeleteFromIndexAsync(db, keys.ShardOf(job), keys.JobExecutions(job), beforeMs);
    }

    /// <summary>How many executions of the service's jobs, in every shard, were deleted.</summary>
    public async Task<long> DeleteServiceExecutionsAsync(string service, long beforeMs)
    {
        var db = redis.GetDatabase();
        var perShard = keys.Shards.Select(async shard =>
        {
            var jobs = await db.SortedSetRangeByRankAsync(keys.ServiceJobIndex(shard, service));
            var indexes = jobs.Select(name => keys.JobExecutions(new JobRef(service, name!)))
                .Append(keys.DeletedJobExecutions(shard, service));
            long deleted = 0;
            foreach (var index in indexes)
            {
                deleted += await DeleteFromIndexAsync(db, shard, index, beforeMs);
            }
            return deleted;
        });
        return (await Task.WhenAll(perShard)).Sum();
    }

    private static async Task<long> DeleteFromIndexAsync(IDatabase db, int shard, RedisKey index, long beforeMs)
    {
        long deleted = 0;
        // Unfinished executions stay in the index: the next chunk starts past them.
        var kept = 0;
        while (true)
        {
            var members = await db.SortedSetRangeByScoreAsync(index, double.NegativeInfinity, beforeMs, Exclude.Stop,
                Order.Ascending, kept, ChunkSize);
            if (members.Length == 0)
            {
                return deleted;
            }
            RedisKey[] scriptKeys = [index, .. members.Select(member => RedisKeys.ExecutionOfMember(shard, member!))];
            var removed = (long)await db.ScriptEvaluateAsync(LuaScripts.TrimExecutions, scriptKeys, members);
            deleted += removed;
            kept += members.Length - (int)removed;
            if (members.Length < ChunkSize)
            {
                return deleted;
            }
        }
    }
}
