using System.Globalization;
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

    /// <summary>Applies a callback whose token has already been verified, in one round trip.</summary>
    public async Task<CallbackOutcome> ApplyCallbackAsync(string executionId, CallbackReport report)
    {
        if (!ExecutionId.TryGetShard(executionId, keys.ShardCount, out var shard))
        {
            return new CallbackOutcome.NotFound();
        }
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(
            LuaScripts.ApplyCallback,
            [keys.Execution(shard.Value, executionId), keys.Pending(shard.Value), keys.Deadlines(shard.Value)],
            [
                report.Status, executionId, RedisKeys.JobKeyPrefix(shard.Value), RetentionMs,
                report.State is null ? "0" : "1", report.State ?? "",
                report.Summary is null ? "0" : "1", report.Summary ?? "",
                report.CorrelationId is null ? "0" : "1", report.CorrelationId ?? "",
            ]))!;
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
                keys.Job(job), keys.JobExecutions(job), keys.ServiceExecutions(shard, job.Service),
                keys.ActiveExecutions(job), keys.Execution(shard, id), keys.Pending(shard),
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
    public async Task<Page<Execution>> ListAsync(string service, string? job, ExecutionFilter filter, int limit, string? after)
    {
        var db = Db;
        var indexes = job is null
            ? keys.Shards.Select(shard => (Shard: shard, Key: keys.ServiceExecutions(shard, service))).ToList()
            : [(keys.ShardOf(new JobRef(service, job)), keys.JobExecutions(new JobRef(service, job)))];
        var position = after is null ? (ListPosition?)null : ListPosition.Parse(after);
        var items = new List<Execution>(limit + 1);
        var examined = 0;

        while (items.Count <= limit && examined < Paging.MaxExaminedPerPage)
        {
            var batch = Math.Min(Paging.MaxLimit, limit + 1 - items.Count);
            var fetches = indexes.Select(index => FetchAfterAsync(db, index.Shard, index.Key, position, filter, batch)).ToArray();
            await Task.WhenAll(fetches);
            var entries = fetches.SelectMany(f => f.Result).OrderDescending().Take(batch).ToList();
            if (entries.Count == 0)
            {
                position = null;
                break;
            }

            var hashes = entries.Select(e => db.HashGetAllAsync(keys.Execution(e.Shard, e.Id))).ToArray();
            await Task.WhenAll(hashes);
            for (var i = 0; i < entries.Count && items.Count <= limit; i++)
            {
                var hash = new RedisHash(hashes[i].Result);
                // A missing hash expired under retention; its index entry is trimmed later.
                if (hash.Exists && (filter.Status is null || hash.String(ExecutionHash.Status) == filter.Status))
                {
                    items.Add(ExecutionHash.ToExecution(entries[i].Id, hash));
                }
                position = entries[i];
                examined++;
            }
            if (entries.Count < batch)
            {
                position = items.Count > limit ? position : null;
                break;
            }
        }

        if (items.Count > limit)
        {
            items.RemoveAt(limit);
            var last = items[^1];
            return new Page<Execution>(items, PageCursor.Encode(new ListPosition(last.ScheduledTimeMs, last.ExecutionId, 0).ToString()));
        }
        return new Page<Execution>(items, position is null ? null : PageCursor.Encode(position.Value.ToString()));
    }

    /// <summary>Whether a decoded cursor names a place in an execution listing.</summary>
    public static bool IsValidPosition(string position) => ListPosition.Parse(position) is not null;

    /// <summary>Up to <paramref name="count"/> index entries strictly after the position, newest first.</summary>
    private static async Task<List<ListPosition>> FetchAfterAsync(
        IDatabase db, int shard, RedisKey key, ListPosition? position, ExecutionFilter filter, int count)
    {
        double max = filter.ToMs ?? double.PositiveInfinity;
        if (position is { } p && p.ScoreMs < max)
        {
            max = p.ScoreMs;
        }
        double min = filter.FromMs ?? double.NegativeInfinity;
        var found = new List<ListPosition>(count);
        long skip = 0;
        while (found.Count < count)
        {
            // Entries tied with the position on score come back too; fetch a little extra to skip them.
            var take = count - found.Count + 16;
            var raw = await db.SortedSetRangeByScoreWithScoresAsync(key, min, max, Exclude.None, Order.Descending, skip, take);
            foreach (var entry in raw)
            {
                var candidate = new ListPosition((long)entry.Score, RedisKeys.ExecutionIdOf(shard, entry.Element!), shard);
                if (position is null || candidate.CompareTo(position.Value) < 0)
                {
                    found.Add(candidate);
                }
            }
            if (raw.Length < take)
            {
                break;
            }
            skip += raw.Length;
        }
        return found.Count > count ? found.GetRange(0, count) : found;
    }

    /// <summary>A place in a newest-first listing: scheduled time, then id, both descending.</summary>
    private readonly record struct ListPosition(long ScoreMs, string Id, int Shard) : IComparable<ListPosition>
    {
        public int CompareTo(ListPosition other) =>
            ScoreMs != other.ScoreMs ? ScoreMs.CompareTo(other.ScoreMs) : string.CompareOrdinal(Id, other.Id);

        public override string ToString() => $"{ScoreMs.ToString(CultureInfo.InvariantCulture)}:{Id}";

        public static ListPosition? Parse(string text)
        {
            var colon = text.IndexOf(':');
            return colon > 0 && long.TryParse(text.AsSpan(0, colon), NumberStyles.Integer, CultureInfo.InvariantCulture, out var score)
                ? new ListPosition(score, text[(colon + 1)..], 0)
                : null;
        }
    }
}
