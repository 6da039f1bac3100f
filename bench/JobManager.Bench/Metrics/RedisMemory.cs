using System.Globalization;
using StackExchange.Redis;

namespace JobManager.Bench.Metrics;

/// <summary>Reads <c>INFO memory</c> of the system's Redis: <c>used_memory</c> is what the deltas use.</summary>
public sealed class RedisMemory : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _redis;

    private RedisMemory(ConnectionMultiplexer redis) => _redis = redis;

    public static async Task<RedisMemory> ConnectAsync(string endpoint) =>
        new(await ConnectionMultiplexer.ConnectAsync($"{endpoint},connectTimeout=5000,allowAdmin=true"));

    public async Task<MemorySample> SampleAsync()
    {
        var info = (string)(await _redis.GetDatabase().ExecuteAsync("INFO", "memory"))!;
        var values = info.Split('\n')
            .Select(line => line.Trim().Split(':', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1]);
        long Read(string name) => values.TryGetValue(name, out var v) ? long.Parse(v, CultureInfo.InvariantCulture) : 0;
        var keys = (long)await _redis.GetDatabase().ExecuteAsync("DBSIZE");
        return new MemorySample(Read("used_memory"), Read("used_memory_dataset"), keys);
    }

    public ValueTask DisposeAsync() => _redis.DisposeAsync();
}

/// <summary>One reading: bytes in use, bytes of data (used minus Redis's overhead), and the key count.</summary>
public sealed record MemorySample(long UsedBytes, long DatasetBytes, long Keys);
