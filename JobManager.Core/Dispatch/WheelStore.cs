using JobManager.Core.Storage;
using StackExchange.Redis;

namespace JobManager.Core.Dispatch;

/// <summary>
/// What the dispatchers read of the time wheel without changing it: Redis time, the earliest work of
/// each shard (how long to sleep), and how much work there is (the gauges).
/// </summary>
public sealed class WheelStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    /// <summary>Redis server time in Unix ms: the one clock every due and deadline comparison uses.</summary>
    public async Task<long> ServerNowMsAsync()
    {
        var time = await redis.GetServers()[0].TimeAsync();
        return new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
    }

    /// <summary>
    /// The earliest work of every shard, read in one pipelined round trip; due jobs count
    /// <paramref name="dueAheadMs"/> early, as they are claimed that far ahead.
    /// </summary>
    public async Task<IReadOnlyList<long?>> PeekEarliestAsync(long dueAheadMs = 0)
    {
        var db = redis.GetDatabase();
        var reads = keys.Shards.SelectMany(shard => new[]
        {
            db.SortedSetRangeByRankWithScoresAsync(keys.Due(shard), 0, 0),
            db.SortedSetRangeByRankWithScoresAsync(keys.Pending(shard), 0, 0),
            db.SortedSetRangeByRankWithScoresAsync(keys.Deadlines(shard), 0, 0),
        }).ToArray();
        await Task.WhenAll(reads);
        return keys.Shards
            .Select(shard => reads.Skip(shard * 3).Take(3)
                .SelectMany((r, i) => r.Result.Select(e => (long?)((long)e.Score - (i == 0 ? dueAheadMs : 0))))
                .Min())
            .ToList();
    }

    /// <summary>
    /// Counts due, scheduled, pending and running work over every shard in one pipelined round trip
    /// (four O(log n) reads per shard), for gauges sampled every few seconds.
    /// </summary>
    public async Task<WorkCounts> CountWorkAsync(long nowMs)
    {
        var db = redis.GetDatabase();
        var reads = keys.Shards.SelectMany(shard => new[]
        {
            db.SortedSetLengthAsync(keys.Due(shard), double.NegativeInfinity, nowMs),
            db.SortedSetLengthAsync(keys.Due(shard)),
            db.SortedSetLengthAsync(keys.Pending(shard)),
            db.SortedSetLengthAsync(keys.Deadlines(shard)),
        }).ToArray();
        await Task.WhenAll(reads);
        long Sum(int offset) => Enumerable.Range(0, keys.ShardCount).Sum(shard => reads[shard * 4 + offset].Result);
        return new WorkCounts(Due: Sum(0), Scheduled: Sum(1), Pending: Sum(2), Running: Sum(3));
    }
}
