using JobManager.Core.Configuration;
using JobManager.Core.Jobs;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobManager.Core.Storage;

/// <summary>
/// Removes execution history past <c>JobManager:Retention</c>: beyond the per-job count, or older than
/// the retention days. Finished executions also carry a Redis expiry of the same length, so history
/// ages out even for jobs that were deleted; this sweep keeps the indexes and the count bounded.
/// </summary>
public sealed class RetentionStore(IConnectionMultiplexer redis, RedisKeys keys, IOptions<RetentionOptions> retention)
{
    private const int ChunkSize = 500;

    /// <summary>
    /// Takes the shard's sweep lease so only one dispatcher sweeps it at a time; false when another holds it.
    /// </summary>
    public Task<bool> TryLeaseShardAsync(int shard, string owner, TimeSpan lease) =>
        redis.GetDatabase().StringSetAsync(keys.SweepLease(shard), owner, lease, When.NotExists);

    /// <summary>Sweeps every job of one shard; returns how many executions were removed.</summary>
    public async Task<long> SweepShardAsync(int shard, long nowMs, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var cutoffMs = nowMs - retention.Value.Days * 86_400_000L;
        long removed = 0;
        RedisValue after = default;
        while (!cancellationToken.IsCancellationRequested)
        {
            var members = await db.SortedSetRangeByValueAsync(keys.JobIndex(shard), after, default, Exclude.Start, Order.Ascending,
                0, ChunkSize);
            if (members.Length == 0)
            {
                break;
            }
            var slice = members.Select(member => JobRef.FromIndexMember((string)member!)).ToList();
            // One call per slice picks the jobs with something to trim; only those are read and trimmed.
            var candidates = (int[])(await db.ScriptEvaluateAsync(LuaScripts.SweepCandidates,
                [.. slice.Select(keys.JobExecutions)], [retention.Value.PerJob, cutoffMs]))!;
            var jobs = candidates.Select(position => slice[position - 1]).ToList();
            // StackExchange.Redis pipelines the candidates' reads, so a slice costs a few round trips, not
            // two per job one after another.
            removed += (await Task.WhenAll(jobs.Select(job => TrimJobAsync(db, shard, job, cutoffMs)))).Sum();
            if (members.Length < ChunkSize)
            {
                break;
            }
            after = members[^1];
        }
        // Index entries of deleted jobs' executions: their hashes expire on their own. The registry names
        // every service with such an index in the shard, including those with no job left there.
        foreach (var service in await db.SetMembersAsync(keys.DeletedJobServices(shard)))
        {
            var name = service.ToString();
            await db.ScriptEvaluateAsync(LuaScripts.TrimDeletedJobs,
                [keys.DeletedJobExecutions(shard, name), keys.DeletedJobServices(shard)], [cutoffMs, name]);
        }
        return removed;
    }

    private async Task<long> TrimJobAsync(IDatabase db, int shard, JobRef job, long cutoffMs)
    {
        var index = keys.JobExecutions(job);
        var length = db.SortedSetLengthAsync(index);
        var expired = db.SortedSetRangeByScoreAsync(index, double.NegativeInfinity, cutoffMs, Exclude.None, Order.Ascending, 0, ChunkSize);
        var excess = await length - retention.Value.PerJob;
        // Index members name executions (RedisKeys.ExecutionMember); their keys are built from them.
        var members = new HashSet<string>(StringComparer.Ordinal);
        if (excess > 0)
        {
            foreach (var member in await db.SortedSetRangeByRankAsync(index, 0, Math.Min(excess, ChunkSize) - 1))
            {
                members.Add(member!);
            }
        }
        foreach (var member in await expired)
        {
            members.Add(member!);
        }
        if (members.Count == 0)
        {
            return 0;
        }
        var scriptKeys = new List<RedisKey>(1 + members.Count) { index };
        scriptKeys.AddRange(members.Select(member => RedisKeys.ExecutionOfMember(shard, member)));
        var result = await db.ScriptEvaluateAsync(LuaScripts.TrimExecutions, [.. scriptKeys],
            [.. members.Select(member => (RedisValue)member)]);
        return (long)result;
    }
}
