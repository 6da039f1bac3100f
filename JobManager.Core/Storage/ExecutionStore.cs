using JobManager.Core.Configuration;
using JobManager.Core.Executions;
using JobManager.Core.Jobs;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobManager.Core.Storage;

/// <summary>Executions as the Api sees them: read, listed, called back, and started by hand.</summary>
public sealed class ExecutionStore(IConnectionMultiplexer redis, RedisKeys keys, IOptions<RetentionOptions> retention)
{
    private IDatabase Db => redis.GetDatabase();

    private long RetentionMs => retention.Value.Days * 86_400_000L;

    /// <summary>One execution of a job, or null when it does not exist or belongs to another job.</summary>
    public async Task<Execution?> GetAsync(JobRef job, string executionId)
    {
        if (!ExecutionId.TryGetShard(executionId, keys.ShardCount, out var shard) || shard != keys.ShardOf(job))
        {
            return null;
        }
        var execution = await GetAsync(shard.Value, executionId);
        return execution is not null && execution.Service == job.Service && execution.JobName == job.Job ? execution : null;
    }

    private async Task<Execution?> GetAsync(int shard, string executionId)
    {
        var hash = new RedisHash(await Db.HashGetAllAsync(keys.Execution(shard, executionId)));
        return hash.Exists ? ExecutionHash.ToExecution(executionId, hash) : null;
    }

    // The owner of an execution never changes while it exists; a 'moved' answer means the hash was
    // replaced between the read and the script, so reading it again settles it.
    private const int OwnerReads = 3;

    /// <summary>
    /// Applies a callback whose token has already been verified: reads the execution's owner, then runs
    /// apply_callback.lua with that job's keys declared (the script checks the owner is unchanged).
    /// </summary>
    public async Task<CallbackOutcome> ApplyCallbackAsync(string executionId, CallbackReport report)
    {
        if (!ExecutionId.TryGetShard(executionId, keys.ShardCount, out var shard))
        {
            return new CallbackOutcome.NotFound();
        }
        var db = Db;
        var execution = keys.Execution(shard.Value, executionId);
        for (var read = 0; read < OwnerReads; read++)
        {
            var owner = await db.HashGetAsync(execution, [ExecutionHash.Service, ExecutionHash.Job]);
            if (owner[0].IsNull || owner[1].IsNull)
            {
                return new CallbackOutcome.NotFound();
            }
            var job = new JobRef(owner[0]!, owner[1]!);
            if (keys.ShardOf(job) != shard)
            {
                // An execution lives in its job's shard; one that names a job elsewhere is not this deployment's.
                return new CallbackOutcome.NotFound();
            }
            var result = (RedisResult[])(await db.ScriptEvaluateAsync(
                LuaScripts.ApplyCallback,
                [execution, keys.Pending(shard.Value), keys.Deadlines(shard.Value), keys.Job(job), keys.ActiveExecutions(job)],
                [
                    report.Status, executionId, job.Service, job.Job, RetentionMs,
                    report.State is null ? "0" : "1", report.State ?? "",
                    report.Summary is null ? "0" : "1", report.Summary ?? "",
                    report.CorrelationId is null ? "0" : "1", report.CorrelationId ?? "",
                    report.ExtendSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                ]))!;
            if ((string)result[0]! != "moved")
            {
                return await ToOutcomeAsync(result);
            }
        }
        // An owner that changes under every read is no execution a callback can be applied to.
        return new CallbackOutcome.NotFound();
    }

    private async Task<CallbackOutcome> ToOutcomeAsync(RedisResult[] result)
    {
        switch ((string)result[0]!)
        {
            case "ok":
                var applied = new CallbackOutcome.Applied((string)result[1]!, (long)result[2]) { Subject = SubjectOf(result, 3) };
                if (applied.Status == ExecutionStatus.Running)
                {
                    // A heartbeat that beat the webhook's answer set the first deadline: make sure a
                    // dispatcher is awake for it.
                    await redis.GetSubscriber().PublishAsync(RedisKeys.WakeChannel, applied.TimeMs, CommandFlags.FireAndForget);
                }
                return applied;
            case "extend_too_long":
                return new CallbackOutcome.ExtendTooLong((int)result[1]);
            case "conflict":
                return new CallbackOutcome.AlreadyFinished((string)result[1]!) { Subject = SubjectOf(result, 2) };
            default:
                return new CallbackOutcome.NotFound();
        }
    }

    /// <summary>The execution's service, job, attempt, send time and trace context, from <c>result[at..]</c>.</summary>
    private static CallbackSubject SubjectOf(RedisResult[] result, int at) => new(
        new JobRef((string)result[at]!, (string)result[at + 1]!),
        result[at + 2].IsNull ? 0 : (int)result[at + 2],
        result[at + 3].IsNull ? null : (long)result[at + 3],
        TraceParentField.Unpack((byte[]?)result[at + 4]));

    /// <summary>
    /// Records a manual run; dispatchers pick it up at once. Null when the job does not exist.
    /// </summary>
    public async Task<Execution?> CreateManualRunAsync(JobRef job)
    {
        var shard = keys.ShardOf(job);
        var id = ExecutionId.New(shard);
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(
            LuaScripts.CreateManualRun,
            [
                keys.Job(job), keys.JobExecutions(job), keys.ActiveExecutions(job), keys.Execution(shard, id), keys.Pending(shard),
            ],
            [id, RedisKeys.WorkMember(id, job), RetentionMs, RedisKeys.ExecutionMember(id)]))!;
        if ((string)result[0]! == "missing")
        {
            return null;
        }
        if ((string)result[0]! == ExecutionStatus.Pending)
        {
            await redis.GetSubscriber().PublishAsync(RedisKeys.WakeChannel, (long)result[1], CommandFlags.FireAndForget);
        }
        return await GetAsync(shard, id);
    }

    /// <summary>
    /// Executions newest first (by scheduled time, then id), of one job or of a whole service across
    /// every shard, filtered by status and scheduled-time window.
    /// </summary>
    public Task<Page<Execution>> ListAsync(string service, string? job, ExecutionFilter filter, int limit, string? after) =>
        new ExecutionListing(redis, keys).ListAsync(service, job, filter, limit, after);

    /// <summary>Whether a decoded cursor names a place in an execution listing.</summary>
    public static bool IsValidPosition(string position) => ExecutionListing.IsValidPosition(position);
}
