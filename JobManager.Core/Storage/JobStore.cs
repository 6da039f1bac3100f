using System.Globalization;
using JobManager.Core.Jobs;
using JobManager.Core.Schedules;
using StackExchange.Redis;

namespace JobManager.Core.Storage;

/// <summary>Jobs in Redis: one hash per job, two lexicographic indexes, and the job's place on the wheel.</summary>
public sealed class JobStore(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider clock)
{
    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// Creates or updates the job in one round trip: the answer is built from the definition and what the
    /// script reports (created or not, the creation time, the next instant), exactly as a read would give it.
    /// </summary>
    public async Task<UpsertOutcome> UpsertAsync(JobRef job, JobDefinition definition)
    {
        var now = clock.GetUtcNow();
        var nowText = RedisTime.Format(now);
        var shard = keys.ShardOf(job);
        var plan = Plan(job, definition, now);

        RedisValue[] args =
        [
            job.WheelMember, job.IndexMember, job.Job, nowText, definition.Schedule.Text,
            definition.Enabled ? "1" : "0", plan.NextMs, plan.Queue, plan.TailMs, plan.QueueEnd ? "1" : "0",
            definition.Payload is null ? "0" : "1", definition.Payload ?? "",
            "service", job.Service, "job", job.Job,
            "async", definition.Async ? "1" : "0",
            "exclusive", definition.Exclusive ? "1" : "0",
            "target", definition.InvocationTarget,
            "type", definition.InvocationType,
            "ttl_s", definition.TtlSeconds,
            "catchup_s", definition.CatchupWindowSeconds,
            "kind", definition.Schedule.Kind.ToString().ToLowerInvariant(),
            "period_ms", definition.Schedule is RateScheduleExpression rate ? rate.PeriodSeconds * 1000 : 0,
            PauseAfterField, definition.PauseAfterFailures == 0 ? "" : definition.PauseAfterFailures,
            .. PausedReasonArgs(definition),
            .. JobCalendarFields.Write(definition.Calendar),
            "flex_s", definition.FlexibleWindowSeconds == 0 ? "" : definition.FlexibleWindowSeconds,
        ];
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(
            LuaScripts.UpsertJob,
            [keys.Job(job), keys.JobIndex(shard), keys.ServiceJobIndex(shard, job.Service), keys.Due(shard)],
            args))!;

        long? nextMs = ((string?)result[1]) is { Length: > 0 } next ? long.Parse(next, CultureInfo.InvariantCulture) : null;
        if (nextMs is not null && (int)result[4] == 1)
        {
            // The job's instant is the first on its shard's wheel: a dispatcher may be asleep past it.
            // Any other instant has an earlier one ahead of it that a dispatcher already wakes for.
            // Losing the message only costs latency: dispatchers also re-read the wheel on their own.
            // The wake names the fire time (the instant plus its flexible-window offset), as the wheel does.
            await redis.GetSubscriber().PublishAsync(RedisKeys.WakeChannel, (long)result[5], CommandFlags.FireAndForget);
        }
        var stored = new Job(
            job, definition.Async, definition.Enabled, definition.Exclusive, definition.InvocationTarget,
            definition.InvocationType, definition.Payload, definition.Schedule.Text, definition.TtlSeconds,
            definition.CatchupWindowSeconds, RedisTime.Parse((string)result[3]!), RedisTime.Parse(nowText),
            definition.Enabled ? nextMs : null,
            JobHealthFields.Read((string?)result[6], (string?)result[7], (long?)result[8], (long?)result[9]))
        {
            PausedReason = definition.Enabled ? null
                : definition.PausedReason ?? ((string?)result[10] is { Length: > 0 } kept ? kept : null),
            PauseAfterFailures = definition.PauseAfterFailures,
            Calendar = definition.Calendar,
            FlexibleWindowSeconds = definition.FlexibleWindowSeconds,
        };
        return new UpsertOutcome((int)result[0] == 1, stored);
    }

    public async Task<Job?> GetAsync(JobRef job)
    {
        var hash = new RedisHash(await Db.HashGetAllAsync(keys.Job(job)));
        return hash.Exists ? ToJob(hash) : null;
    }

    // Enabling clears the reason; a disabled job keeps its stored one unless the PUT gives another.
    private static RedisValue[] PausedReasonArgs(JobDefinition definition) =>
        definition.Enabled ? [PausedReasonField, ""]
        : definition.PausedReason is { } reason ? [PausedReasonField, reason]
        : [];

    // Job hash fields of pausing (docs/redis-keys.md); job_health.lua writes them too.
    private const string PausedReasonField = "pr";
    private const string PauseAfterField = "pa";

    public Task<bool> ExistsAsync(JobRef job) => Db.KeyExistsAsync(keys.Job(job));

    /// <summary>How many jobs the service has, summed over every shard.</summary>
    public async Task<long> CountAsync(string service)
    {
        var db = Db;
        var counts = await Task.WhenAll(keys.Shards.Select(shard => db.SortedSetLengthAsync(keys.ServiceJobIndex(shard, service))));
        return counts.Sum();
    }

    public async Task<bool> DeleteAsync(JobRef job)
    {
        var shard = keys.ShardOf(job);
        var result = await Db.ScriptEvaluateAsync(
            LuaScripts.DeleteJob,
            [
                keys.Job(job), keys.JobIndex(shard), keys.ServiceJobIndex(shard, job.Service), keys.Due(shard), keys.JobExecutions(job),
                keys.DeletedJobExecutions(shard, job.Service), keys.DeletedJobServices(shard),
            ],
            [job.WheelMember, job.IndexMember, job.Job, job.Service]);
        return (int)result == 1;
    }

    /// <summary>
    /// Jobs ordered by service then name, across every shard, optionally of one service and filtered
    /// by <c>enabled</c> and <c>health</c>. <paramref name="after"/> is the position the previous page ended at.
    /// </summary>
    public async Task<Page<Job>> ListAsync(string? service, bool? enabled, int limit, string? after, string? health = null)
    {
        var db = Db;
        var items = new List<Job>(limit + 1);
        var position = after;
        var examined = 0;
        while (items.Count <= limit && examined < Paging.MaxExaminedPerPage)
        {
            var batch = Math.Min(Paging.MaxLimit, limit + 1 - items.Count);
            // Strictly after the previous position; a null bound is open ("-" / "+").
            var start = position is null ? default : (RedisValue)position;
            var perShard = keys.Shards
                .Select(shard => db.SortedSetRangeByValueAsync(
                    service is null ? keys.JobIndex(shard) : keys.ServiceJobIndex(shard, service),
                    start, default, position is null ? Exclude.None : Exclude.Start, Order.Ascending, 0, batch))
                .ToArray();
            await Task.WhenAll(perShard);
            var members = perShard.SelectMany(t => t.Result).Select(v => (string)v!)
                .Order(StringComparer.Ordinal).Take(batch).ToList();
            if (members.Count == 0)
            {
                position = null;
                break;
            }

            var refs = members.Select(m => service is null ? JobRef.FromIndexMember(m) : new JobRef(service, m)).ToList();
            var hashes = refs.Select(r => db.HashGetAllAsync(keys.Job(r))).ToArray();
            await Task.WhenAll(hashes);
            for (var i = 0; i < members.Count && items.Count <= limit; i++)
            {
                var hash = new RedisHash(hashes[i].Result);
                if (hash.Exists && (enabled is null || hash.Bool("enabled") == enabled)
                    && ToJob(hash) is var found && (health is null || found.HealthStatus == health))
                {
                    items.Add(found);
                }
                position = members[i];
                examined++;
            }
            if (members.Count < batch)
            {
                position = items.Count > limit ? position : null;
                break;
            }
        }

        if (items.Count > limit)
        {
            items.RemoveAt(limit);
            var last = items[^1].Ref;
            return new Page<Job>(items, PageCursor.Encode(service is null ? last.IndexMember : last.Job));
        }
        return new Page<Job>(items, position is null ? null : PageCursor.Encode(position));
    }

    private static SchedulePlan Plan(JobRef job, JobDefinition definition, DateTimeOffset now)
    {
        if (!definition.Enabled)
        {
            return new SchedulePlan("", "", "", QueueEnd: false);
        }
        if (definition.Schedule is RateScheduleExpression)
        {
            var calendar = definition.Calendar;
            var next = calendar.Next(definition.Schedule, now, ScheduleQueue.PhaseSecondsOf(definition.Schedule, job), calendar.Zone);
            return new SchedulePlan(Ms(next?.ToUnixTimeMilliseconds()), "", "", QueueEnd: false);
        }
        var upcoming = ScheduleQueue.Upcoming(definition.Schedule, job, now, JobDefaults.QueuedOccurrences + 1, definition.Calendar);
        var instants = upcoming.InstantsMs;
        return instants.Count == 0
            ? new SchedulePlan("", "", "", QueueEnd: true)
            : new SchedulePlan(
                Ms(instants[0]),
                InstantQueue.Format(instants.Skip(1)),
                Ms(instants[^1]),
                upcoming.IsComplete);
    }

    private static string Ms(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private sealed record SchedulePlan(string NextMs, string Queue, string TailMs, bool QueueEnd);

    internal static Job ToJob(RedisHash hash) => new(
        new JobRef(hash.Required("service"), hash.Required("job")),
        hash.Bool("async"),
        hash.Bool("enabled"),
        hash.Bool("exclusive"),
        hash.Required("target"),
        hash.Required("type"),
        hash.String("payload"),
        hash.Required("schedule"),
        hash.Int("ttl_s"),
        hash.Int("catchup_s"),
        RedisTime.Parse(hash.Required("created_at")),
        RedisTime.Parse(hash.Required("updated_at")),
        hash.Bool("enabled") ? hash.Long("next_ms") : null,
        JobHealthFields.Read(hash))
    {
        PausedReason = hash.Bool("enabled") ? null : hash.String(PausedReasonField) is { Length: > 0 } reason ? reason : null,
        PauseAfterFailures = hash.Int(PauseAfterField),
        Calendar = JobCalendarFields.Read(hash),
        FlexibleWindowSeconds = hash.Int("flex_s"),
    };
}
