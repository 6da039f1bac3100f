using JobManager.Core.Jobs;
using StackExchange.Redis;

namespace JobManager.Core.Storage;

/// <summary>
/// Every Redis key JobManager uses, built in one place and documented in <c>docs/redis-keys.md</c>.
/// All keys of a shard share the hash tag <c>{N}</c>, so every script touches a single hash slot and
/// the store runs unchanged on Redis Cluster.
/// </summary>
public sealed class RedisKeys(int shardCount)
{
    /// <summary>Pub/sub channel on which the Api wakes sleeping dispatchers (message: due time in ms).</summary>
    public static readonly RedisChannel WakeChannel = RedisChannel.Literal("jm:wake");

    /// <summary>Records the shard count of the deployment, so a misconfigured process refuses to start.</summary>
    public static readonly RedisKey ShardCountKey = "jm:meta:shards";

    public int ShardCount { get; } = shardCount;

    public IEnumerable<int> Shards => Enumerable.Range(0, ShardCount);

    /// <summary>The shard of a job: a stable hash of service and job name.</summary>
    public int ShardOf(JobRef job) =>
        (int)(System.IO.Hashing.XxHash32.HashToUInt32(System.Text.Encoding.UTF8.GetBytes(job.WheelMember)) % (uint)ShardCount);

    private static string Prefix(int shard) => $"jm:{{{shard}}}:";

    /// <summary>Hash: one job's configuration, its place in the schedule, and its last success.</summary>
    public RedisKey Job(JobRef job) => $"{Prefix(ShardOf(job))}job:{job.WheelMember}";

    /// <summary>Sorted set (score 0, lexicographic): every job in the shard, member <c>service job</c>.</summary>
    public RedisKey JobIndex(int shard) => $"{Prefix(shard)}jobs";

    /// <summary>Sorted set (score 0, lexicographic): one service's jobs in the shard, member = job name.</summary>
    public RedisKey ServiceJobIndex(int shard, string service) => $"{Prefix(shard)}svc:{service}:jobs";

    /// <summary>Sorted set, the time wheel: member <c>service/job</c>, score = next due time (ms).</summary>
    public RedisKey Due(int shard) => $"{Prefix(shard)}due";

    /// <summary>Sorted set: pending executions, member <c>id/service/job</c>, score = lease expiry (ms).</summary>
    public RedisKey Pending(int shard) => $"{Prefix(shard)}pending";

    /// <summary>Sorted set: running executions, member <c>id/service/job</c>, score = deadline (ms).</summary>
    public RedisKey Deadlines(int shard) => $"{Prefix(shard)}deadlines";

    /// <summary>Hash: one execution, named by its <see cref="ExecutionMember"/>.</summary>
    public RedisKey Execution(int shard, string executionId) => ExecutionOfMember(shard, ExecutionMember(executionId));

    /// <summary>Hash: the execution an index member names.</summary>
    public static RedisKey ExecutionOfMember(int shard, string member) => $"{Prefix(shard)}e:{member}";

    /// <summary>Sorted set: a job's executions, member = <see cref="ExecutionMember"/>, score = scheduled time (ms).</summary>
    public RedisKey JobExecutions(JobRef job) => $"{Prefix(ShardOf(job))}job:{job.WheelMember}:execs";

    /// <summary>
    /// Sorted set: the executions of a service's deleted jobs in the shard, member = <see cref="ExecutionMember"/>,
    /// score = scheduled time (ms). A service's listing merges it with its jobs' own indexes.
    /// </summary>
    public RedisKey DeletedJobExecutions(int shard, string service) => $"{Prefix(shard)}svc:{service}:deleted:execs";

    /// <summary>
    /// Set: the services with a <see cref="DeletedJobExecutions"/> index in the shard, so the retention sweep
    /// finds it after the service's last job there is gone.
    /// </summary>
    public RedisKey DeletedJobServices(int shard) => $"{Prefix(shard)}deleted-services";

    /// <summary>
    /// The 19-character name of an execution in its shard's keys and indexes (see <see cref="Storage.ExecutionMember"/>):
    /// sorted like the id, half its size.
    /// </summary>
    public static string ExecutionMember(string executionId) => Storage.ExecutionMember.Of(executionId);

    /// <summary>The execution id an index member of shard <paramref name="shard"/> names.</summary>
    public static string ExecutionIdOf(int shard, string member) => Storage.ExecutionMember.ToExecutionId(shard, member);

    /// <summary>Set: ids of a job's pending and running executions (what <c>exclusive</c> checks).</summary>
    public RedisKey ActiveExecutions(JobRef job) => $"{Prefix(ShardOf(job))}job:{job.WheelMember}:active";

    /// <summary>
    /// String: one test event (<c>POST .../jobs/{j}/test</c>) awaiting its callback, <c>""</c> until the callback
    /// writes <c>{status} {unix ms}</c>. Expires shortly after the test stops waiting; never an execution.
    /// </summary>
    public static RedisKey JobTest(int shard, string testId) => $"{Prefix(shard)}test:{testId}";

    /// <summary>String: which dispatcher is sweeping the shard's history right now (a short lease).</summary>
    public RedisKey SweepLease(int shard) => $"{Prefix(shard)}sweep";

    // Credentials live apart from the job shards, under one hash tag of their own: every auth script
    // touches a single slot, and they are few and small (lookups hit them; webhooks hit a cache).
    private const string AuthPrefix = "jm:{auth}:";

    /// <summary>Hash: one service API key: its service, the SHA-256 of the key, when it was created.</summary>
    public static RedisKey ServiceKey(string keyId) => $"{AuthPrefix}key:{keyId}";

    /// <summary>Sorted set: a service's API key ids, score = creation time (ms).</summary>
    public static RedisKey ServiceKeyIndex(string service) => $"{AuthPrefix}svc:{service}:keys";

    /// <summary>Hash: a service's webhook signing secret, and the previous one while it is still valid.</summary>
    public static RedisKey SigningSecrets(string service) => $"{AuthPrefix}svc:{service}:signing";

    /// <summary>The member naming an execution in the pending and deadline sets.</summary>
    public static string WorkMember(string executionId, JobRef job) => $"{executionId}/{job.WheelMember}";

    public static (string ExecutionId, JobRef Job) ParseWorkMember(string member)
    {
        var slash = member.IndexOf('/');
        return (member[..slash], JobRef.FromWheelMember(member[(slash + 1)..]));
    }
}
