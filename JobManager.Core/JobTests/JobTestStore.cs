using System.Globalization;
using JobManager.Core.Storage;
using StackExchange.Redis;

namespace JobManager.Core.JobTests;

/// <summary>
/// Where a test event waits for its callback: one short-lived string key (<see cref="RedisKeys.JobTest"/>), apart
/// from executions, job health and history, so a test is recorded nowhere else.
/// </summary>
public sealed class JobTestStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    /// <summary>How long a test's key outlives its wait: a late callback still finds it and is answered 200.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    public Task StartAsync(int shard, string testId, TimeSpan wait) =>
        redis.GetDatabase().StringSetAsync(RedisKeys.JobTest(shard, testId), "", wait + Grace);

    /// <summary>Records a final callback; false when no such test is waiting (unknown, or expired).</summary>
    public async Task<bool> RecordAsync(string testId, string status, long atMs)
    {
        if (!JobTestId.TryParse(testId, out var shard) || shard >= keys.ShardCount)
        {
            return false;
        }
        var value = $"{status} {atMs.ToString(CultureInfo.InvariantCulture)}";
        // SET XX KEEPTTL: only an existing test, and it still expires when it would have.
        return await redis.GetDatabase().StringSetAsync(RedisKeys.JobTest(shard, testId), value, null, keepTtl: true, when: When.Exists);
    }

    /// <summary>Whether a test is waiting (for heartbeats, which record nothing).</summary>
    public Task<bool> ExistsAsync(string testId) =>
        JobTestId.TryParse(testId, out var shard) && shard < keys.ShardCount
            ? redis.GetDatabase().KeyExistsAsync(RedisKeys.JobTest(shard, testId))
            : Task.FromResult(false);

    /// <summary>The callback the test received, if any yet.</summary>
    public async Task<TestCallback?> GetCallbackAsync(int shard, string testId)
    {
        var value = (string?)await redis.GetDatabase().StringGetAsync(RedisKeys.JobTest(shard, testId));
        if (string.IsNullOrEmpty(value) || value.IndexOf(' ') is var space && space < 0)
        {
            return null;
        }
        return new TestCallback(value[..space], long.Parse(value.AsSpan(space + 1), CultureInfo.InvariantCulture));
    }
}
