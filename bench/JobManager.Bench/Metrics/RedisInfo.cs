using System.Globalization;
using StackExchange.Redis;

namespace JobManager.Bench.Metrics;

/// <summary>
/// Reads the system's Redis <c>INFO</c>: <c>memory</c> (<c>used_memory</c> is what the memory deltas
/// use) and <c>commandstats</c> (calls and server time per command: Redis round trips per execution).
/// </summary>
public sealed class RedisInfo : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _redis;

    private RedisInfo(ConnectionMultiplexer redis) => _redis = redis;

    public static async Task<RedisInfo> ConnectAsync(string endpoint) =>
        new(await ConnectionMultiplexer.ConnectAsync($"{endpoint},connectTimeout=5000,allowAdmin=true"));

    public async Task<MemorySample> MemoryAsync()
    {
        var values = await SectionAsync("memory");
        long Read(string name) => values.TryGetValue(name, out var v) ? long.Parse(v, CultureInfo.InvariantCulture) : 0;
        var keys = (long)await _redis.GetDatabase().ExecuteAsync("DBSIZE");
        return new MemorySample(Read("used_memory"), Read("used_memory_dataset"), keys);
    }

    public async Task<CommandSample> CommandsAsync()
    {
        // cmdstat_evalsha:calls=12,usec=340,usec_per_call=28.33,rejected_calls=0,failed_calls=0
        var values = await SectionAsync("commandstats");
        var commands = new Dictionary<string, CommandCount>();
        foreach (var (key, value) in values.Where(kv => kv.Key.StartsWith("cmdstat_", StringComparison.Ordinal)))
        {
            var fields = value.Split(',').Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
            commands[key["cmdstat_".Length..]] = new CommandCount(
                long.Parse(fields["calls"], CultureInfo.InvariantCulture), long.Parse(fields["usec"], CultureInfo.InvariantCulture));
        }
        return new CommandSample(commands);
    }

    private async Task<Dictionary<string, string>> SectionAsync(string section)
    {
        var info = (string)(await _redis.GetDatabase().ExecuteAsync("INFO", section))!;
        return info.Split('\n')
            .Select(line => line.Trim().Split(':', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1]);
    }

    public ValueTask DisposeAsync() => _redis.DisposeAsync();
}
