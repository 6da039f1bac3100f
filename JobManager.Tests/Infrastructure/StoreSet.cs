using JobManager.Core.Configuration;
using JobManager.Core.Dispatch;
using JobManager.Core.Executions;
using JobManager.Core.Jobs;
using JobManager.Core.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobManager.Tests.Infrastructure;

/// <summary>
/// The stores over one key schema, as the services build them, and the moves tests make on the raw keys
/// to put a job where the time wheel or a lease would only take it after minutes: its instant already
/// due, a lease or a deadline already passed. Everything else goes through the stores.
/// </summary>
public sealed class StoreSet(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider? clock = null)
{
    private static readonly IOptions<RetentionOptions> Retention = Options.Create(new RetentionOptions());

    /// <summary>The dispatcher's defaults (JobManager:Dispatcher): 45 s leases, 10 s grace.</summary>
    public const long LeaseMs = 45_000;
    public const long GraceMs = 10_000;
    public const int Batch = 1_000;

    public RedisKeys Keys => keys;
    public JobStore Jobs { get; } = new(redis, keys, clock ?? TimeProvider.System);
    public ExecutionStore Executions { get; } = new(redis, keys, Retention);
    public ClaimStore Claims { get; } = new(redis, keys, Retention);
    public DeliveryAnswerStore Answers { get; } = new(redis, keys, Retention);
    public LeaseStore Leases { get; } = new(redis, keys, Retention);
    public RefillStore Refills { get; } = new(redis, keys);
    public WheelStore Wheel { get; } = new(redis, keys);
    public IDatabase Db => redis.GetDatabase();

    public Task<long> NowMsAsync() => Wheel.ServerNowMsAsync();

    public async Task<Job> UpsertAsync(JobRef job, JobDefinition definition) => (await Jobs.UpsertAsync(job, definition)).Job;

    /// <summary>Puts the job's next instant at <paramref name="instantMs"/>, in its hash and on the wheel, as if it were due
    /// then.</summary>
    public async Task SetNextInstantAsync(JobRef job, long instantMs)
    {
        await Db.HashSetAsync(keys.Job(job), "next_ms", instantMs);
        await Db.SortedSetAddAsync(keys.Due(keys.ShardOf(job)), job.WheelMember, instantMs);
    }

    /// <summary>Claims the job's shard now; other tests' due jobs in the shard are claimed too and ignored.</summary>
    public async Task<ClaimResult> ClaimShardAsync(int shard, long graceMs = GraceMs) =>
        await Claims.ClaimDueAsync(shard, await NowMsAsync(), Batch, LeaseMs, graceMs);

    /// <summary>Makes the job due at <paramref name="instantMs"/> and claims it; the delivery it produced, if any.</summary>
    public async Task<(Delivery? Delivery, ClaimResult Result)> ClaimAtAsync(JobRef job, long instantMs, long graceMs = GraceMs)
    {
        await SetNextInstantAsync(job, instantMs);
        var result = await ClaimShardAsync(keys.ShardOf(job), graceMs);
        return (result.Deliveries.SingleOrDefault(d => d.Job == job), result);
    }

    /// <summary>Makes the job due at <paramref name="instantMs"/>, claims it, and insists a delivery came of it.</summary>
    public async Task<Delivery> DeliveryAtAsync(JobRef job, long instantMs)
    {
        var (delivery, _) = await ClaimAtAsync(job, instantMs);
        return delivery ?? throw new Xunit.Sdk.XunitException($"Claiming {job} at {instantMs} produced no delivery.");
    }

    /// <summary>A fresh pending execution of the job, scheduled a few seconds ago.</summary>
    public async Task<Delivery> ClaimNowAsync(JobRef job) => await DeliveryAtAsync(job, await NowMsAsync() - 2_000);

    /// <summary>Fresh pending executions of <paramref name="count"/> new jobs of one new service, over every shard.</summary>
    public async Task<IReadOnlyList<Delivery>> ClaimManyNowAsync(string hint, int count)
    {
        var service = TestJobs.Service(hint);
        var dueMs = await NowMsAsync() - 2_000;
        foreach (var job in Enumerable.Range(0, count).Select(i => new JobRef(service, $"job-{i:000}")))
        {
            await UpsertAsync(job, TestJobs.Definition());
            await SetNextInstantAsync(job, dueMs);
        }
        var deliveries = new List<Delivery>();
        foreach (var shard in keys.Shards)
        {
            deliveries.AddRange((await ClaimShardAsync(shard)).Deliveries.Where(d => d.Job.Service == service));
        }
        return deliveries.Count == count
            ? deliveries
            : throw new Xunit.Sdk.XunitException($"Claiming {count} jobs of {service} produced {deliveries.Count} deliveries.");
    }

    public async Task<ClaimResult> ReclaimShardAsync(int shard) =>
        await Claims.ReclaimAsync(shard, await NowMsAsync(), Batch, LeaseMs);

    /// <summary>Ends the delivery's lease a second ago, as if its dispatcher had died.</summary>
    public async Task ExpireLeaseAsync(int shard, string executionId, JobRef job) =>
        await Db.SortedSetAddAsync(keys.Pending(shard), RedisKeys.WorkMember(executionId, job), await NowMsAsync() - 1_000);

    /// <summary>Moves a running execution's deadline, in its hash and in the deadline set, to <paramref name="deadlineMs"/>.</summary>
    public async Task SetDeadlineAsync(int shard, string executionId, JobRef job, long deadlineMs)
    {
        var key = keys.Execution(shard, executionId);
        var scheduledMs = (long)await Db.HashGetAsync(key, ExecutionHash.ScheduledMs);
        await Db.HashSetAsync(key, ExecutionHash.DeadlineAfter, deadlineMs - scheduledMs);
        await Db.SortedSetAddAsync(keys.Deadlines(shard), RedisKeys.WorkMember(executionId, job), deadlineMs);
    }

    public async Task<Execution> ExecutionAsync(JobRef job, string executionId) =>
        await Executions.GetAsync(job, executionId)
        ?? throw new Xunit.Sdk.XunitException($"Execution {executionId} of {job} is not stored.");

    public async Task<string?> JobFieldAsync(JobRef job, string field) => await Db.HashGetAsync(keys.Job(job), field);

    /// <summary>The instants a cron or at job has queued after its next one (Unix ms).</summary>
    public async Task<IReadOnlyList<long>> QueuedInstantsAsync(JobRef job) => InstantQueue.Parse(await JobFieldAsync(job, "queue"));

    /// <summary>Replaces the instants a cron or at job has queued after its next one.</summary>
    public async Task SetQueuedInstantsAsync(JobRef job, IEnumerable<long> instantsMs) =>
        await Db.HashSetAsync(keys.Job(job), "queue", InstantQueue.Format(instantsMs));

    /// <summary>How Redis stores a key (<c>OBJECT ENCODING</c>): <c>listpack</c> for a compact hash or sorted set.</summary>
    public async Task<string?> EncodingAsync(RedisKey key) => (string?)await Db.ExecuteAsync("OBJECT", "ENCODING", key);

    public async Task<double?> DueScoreAsync(JobRef job) =>
        await Db.SortedSetScoreAsync(keys.Due(keys.ShardOf(job)), job.WheelMember);

    public async Task<double?> PendingScoreAsync(Delivery delivery) =>
        await Db.SortedSetScoreAsync(keys.Pending(delivery.Shard), RedisKeys.WorkMember(delivery.ExecutionId, delivery.Job));

    public async Task<double?> DeadlineScoreAsync(Delivery delivery) =>
        await Db.SortedSetScoreAsync(keys.Deadlines(delivery.Shard), RedisKeys.WorkMember(delivery.ExecutionId, delivery.Job));

    public async Task<bool> IsActiveAsync(Delivery delivery) =>
        await Db.SetContainsAsync(keys.ActiveExecutions(delivery.Job), delivery.ExecutionId);

    /// <summary>Scripts (EVAL and EVALSHA) the server has run so far: batching tests compare two readings.</summary>
    public async Task<long> ScriptCallsAsync()
    {
        // Every master's: on a Redis Cluster each runs the scripts of its own slots.
        var stats = await Task.WhenAll(redis.GetServers().Where(s => !s.IsReplica).Select(s => s.InfoAsync("commandstats")));
        return stats.SelectMany(info => info).SelectMany(group => group)
            .Where(stat => stat.Key is "cmdstat_eval" or "cmdstat_evalsha")
            // e.g. "calls=12,usec=345,usec_per_call=28.75,..."
            .Sum(stat => long.Parse(stat.Value.Split(',')[0]["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The job's execution ids, oldest first, as its own index holds them.</summary>
    public async Task<string[]> JobExecutionIdsAsync(JobRef job) =>
        [.. (await Db.SortedSetRangeByRankAsync(keys.JobExecutions(job))).Select(v => RedisKeys.ExecutionIdOf(keys.ShardOf(job), v!))];

    /// <summary>An execution's stored fields, raw (names: <see cref="ExecutionHash"/>).</summary>
    public async Task<Dictionary<string, RedisValue>> ExecutionFieldsAsync(int shard, string executionId) =>
        (await Db.HashGetAllAsync(keys.Execution(shard, executionId))).ToDictionary(e => (string)e.Name!, e => e.Value);
}
