using JobManager.Core.Configuration;
using JobManager.Core.Jobs;
using JobManager.Core.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobManager.Core.Dispatch;

/// <summary>
/// Leases and deadlines: a dispatcher renews the leases of what it still delivers (or hands them over),
/// and running executions past their deadline fail with <c>timeout</c>.
/// </summary>
public sealed class LeaseStore(IConnectionMultiplexer redis, RedisKeys keys, IOptions<RetentionOptions> retention)
{
    private long RetentionMs => retention.Value.Days * 86_400_000L;

    /// <summary>
    /// Extends the leases of executions this dispatcher holds, if their attempt is still current; a zero
    /// lease hands them to the next dispatcher that looks. Returns how many were renewed.
    /// </summary>
    public async Task<int> RenewLeasesAsync(IReadOnlyCollection<ILeasedExecution> inFlight, long leaseMs)
    {
        var db = redis.GetDatabase();
        var renewals = inFlight.GroupBy(d => d.Shard).Select(shard =>
        {
            var scriptKeys = new List<RedisKey> { keys.Pending(shard.Key) };
            var args = new List<RedisValue> { leaseMs };
            foreach (var delivery in shard)
            {
                scriptKeys.Add(keys.Execution(shard.Key, delivery.ExecutionId));
                args.Add(RedisKeys.WorkMember(delivery.ExecutionId, delivery.Job));
                args.Add(delivery.Attempt);
            }
            return db.ScriptEvaluateAsync(LuaScripts.RenewLeases, [.. scriptKeys], [.. args]);
        }).ToArray();
        var results = await Task.WhenAll(renewals);
        return results.Sum(r => (int)r);
    }

    /// <summary>
    /// Fails running executions past their deadline with <c>timeout</c>; returns how many, and names each
    /// one's job to <paramref name="timedOut"/>.
    /// </summary>
    public async Task<int> ExpireDeadlinesAsync(int shard, long nowMs, int batch, Action<JobRef>? timedOut = null)
    {
        var db = redis.GetDatabase();
        var expired = await db.SortedSetRangeByScoreAsync(keys.Deadlines(shard), double.NegativeInfinity, nowMs,
            Exclude.None, Order.Ascending, 0, batch);
        if (expired.Length == 0)
        {
            return 0;
        }
        var scriptKeys = new List<RedisKey>(1 + expired.Length * 3) { keys.Deadlines(shard) };
        var args = new List<RedisValue>(1 + expired.Length) { RetentionMs };
        foreach (var member in expired)
        {
            var (id, job) = RedisKeys.ParseWorkMember(member!);
            scriptKeys.AddRange([keys.Execution(shard, id), keys.ActiveExecutions(job), keys.Job(job)]);
            args.Add(member);
        }
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(LuaScripts.ExpireDeadlines, [.. scriptKeys], [.. args]))!;
        if (timedOut is not null)
        {
            foreach (var member in result)
            {
                timedOut(RedisKeys.ParseWorkMember((string)member!).Job);
            }
        }
        return result.Length;
    }
}
