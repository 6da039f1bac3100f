using JobManager.Core.Configuration;
using JobManager.Core.Executions;
using JobManager.Core.Jobs;
using JobManager.Core.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobManager.Core.Dispatch;

/// <summary>
/// Hands executions to a dispatcher: claims due jobs off the time wheel, arms reservations at their
/// instant, and takes over executions whose lease expired. Each is one script per shard and batch; the
/// candidates are read first so the script names all its keys (Redis Cluster).
/// </summary>
public sealed class ClaimStore(IConnectionMultiplexer redis, RedisKeys keys, IOptions<RetentionOptions> retention)
{
    private IDatabase Db => redis.GetDatabase();

    private long RetentionMs => retention.Value.Days * 86_400_000L;

    /// <summary>
    /// Claims jobs due by <paramref name="nowMs"/> + <paramref name="aheadMs"/>: those already due as
    /// deliveries, the others as reservations to arm at their instant (<see cref="ArmAsync"/>).
    /// </summary>
    public async Task<ClaimResult> ClaimDueAsync(int shard, long nowMs, int batch, long leaseMs, long graceMs, long aheadMs = 0)
    {
        var db = Db;
        var due = await db.SortedSetRangeByScoreAsync(keys.Due(shard), double.NegativeInfinity, nowMs + aheadMs,
            Exclude.None, Order.Ascending, 0, batch);
        if (due.Length == 0)
        {
            return ClaimReply.Empty;
        }
        var scriptKeys = new List<RedisKey>(2 + due.Length * 4) { keys.Due(shard), keys.Pending(shard) };
        var args = new List<RedisValue>(5 + due.Length * 3) { leaseMs, graceMs, RetentionMs, JobDefaults.QueuedOccurrences / 2, aheadMs };
        foreach (var member in due)
        {
            var job = JobRef.FromWheelMember(member!);
            var id = ExecutionId.New(shard);
            scriptKeys.AddRange([keys.Job(job), keys.JobExecutions(job), keys.ActiveExecutions(job), keys.Execution(shard, id)]);
            args.AddRange([member, id, RedisKeys.ExecutionMember(id)]);
        }
        var result = await db.ScriptEvaluateAsync(LuaScripts.ClaimDue, [.. scriptKeys], [.. args]);
        return ClaimReply.Parse(shard, (RedisResult[])result!, due.Length);
    }

    /// <summary>Takes over pending executions whose lease expired by <paramref name="nowMs"/>, and manual runs.</summary>
    public async Task<ClaimResult> ReclaimAsync(int shard, long nowMs, int batch, long leaseMs)
    {
        var db = Db;
        var expired = await db.SortedSetRangeByScoreAsync(keys.Pending(shard), double.NegativeInfinity, nowMs,
            Exclude.None, Order.Ascending, 0, batch);
        if (expired.Length == 0)
        {
            return ClaimReply.Empty;
        }
        var scriptKeys = new List<RedisKey>(1 + expired.Length * 3) { keys.Pending(shard) };
        var args = new List<RedisValue>(2 + expired.Length) { leaseMs, RetentionMs };
        foreach (var member in expired)
        {
            var (id, job) = RedisKeys.ParseWorkMember(member!);
            scriptKeys.AddRange([keys.Execution(shard, id), keys.Job(job), keys.ActiveExecutions(job)]);
            args.Add(member);
        }
        var result = await db.ScriptEvaluateAsync(LuaScripts.ReclaimPending, [.. scriptKeys], [.. args]);
        return await WithPastLastSuccessAsync(db, shard, ClaimReply.Parse(shard, (RedisResult[])result!, expired.Length));
    }

    /// <summary>
    /// Arms reservations at their instant (arm_reserved.lua): each becomes a delivery, an
    /// exclusive-conflict failure, or is cancelled because its job no longer wants it.
    /// </summary>
    public async Task<ClaimResult> ArmAsync(int shard, IReadOnlyCollection<Reservation> reservations)
    {
        if (reservations.Count == 0)
        {
            return ClaimReply.Empty;
        }
        var db = Db;
        var scriptKeys = new List<RedisKey>(1 + reservations.Count * 4) { keys.Pending(shard) };
        var args = new List<RedisValue>(1 + reservations.Count * 3) { RetentionMs };
        foreach (var reservation in reservations)
        {
            var job = reservation.Job;
            scriptKeys.AddRange([keys.Execution(shard, reservation.ExecutionId), keys.Job(job), keys.ActiveExecutions(job),
                keys.JobExecutions(job)]);
            args.AddRange([RedisKeys.WorkMember(reservation.ExecutionId, job), reservation.Attempt,
                RedisKeys.ExecutionMember(reservation.ExecutionId)]);
        }
        var result = await db.ScriptEvaluateAsync(LuaScripts.ArmReserved, [.. scriptKeys], [.. args]);
        return await WithPastLastSuccessAsync(db, shard, ClaimReply.Parse(shard, (RedisResult[])result!, reservations.Count));
    }

    /// <summary>
    /// A redelivery whose first claim saw an older last success than the job has now sends that one,
    /// so the webhook is the same as the first.
    /// </summary>
    private async Task<ClaimResult> WithPastLastSuccessAsync(IDatabase db, int shard, ClaimResult claimed)
    {
        if (claimed.Deliveries.All(d => d.PastLastSuccessId is null))
        {
            return claimed;
        }
        var deliveries = new List<Delivery>(claimed.Deliveries.Count);
        foreach (var delivery in claimed.Deliveries)
        {
            deliveries.Add(delivery.PastLastSuccessId is { } pastId
                ? delivery with { LastSuccessfulExecution = await ReadLastSuccessAsync(db, shard, pastId), PastLastSuccessId = null }
                : delivery);
        }
        return claimed with { Deliveries = deliveries };
    }

    private async Task<LastSuccess?> ReadLastSuccessAsync(IDatabase db, int shard, string executionId)
    {
        var hash = new RedisHash(await db.HashGetAllAsync(keys.Execution(shard, executionId)));
        if (!hash.Exists)
        {
            return null;
        }
        var execution = ExecutionHash.ToExecution(executionId, hash);
        return new LastSuccess(executionId, execution.ScheduledTimeMs, execution.ServiceInvokedAtMs, execution.State, execution.Summary);
    }
}
