using StackExchange.Redis;
using StackExchange.Redis.Profiling;

namespace JobManager.Tests.Infrastructure;

/// <summary>
/// A connection of its own to the test server that records every command it sends: stores built over
/// it show how many round trips an operation costs.
/// </summary>
public sealed class CommandLog : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _connection;
    private readonly ProfilingSession _session = new();

    private CommandLog(ConnectionMultiplexer connection)
    {
        _connection = connection;
        _connection.RegisterProfiler(() => _session);
    }

    public IConnectionMultiplexer Connection => _connection;

    public static async Task<CommandLog> ConnectAsync(RedisServerFixture redis) =>
        new(await ConnectionMultiplexer.ConnectAsync(redis.ConnectionOptions()));

    /// <summary>The commands sent since the last call (or since connecting), in order, e.g. <c>EVALSHA</c>.</summary>
    public IReadOnlyList<string> Take() => [.. _session.FinishProfiling().Select(c => c.Command)];

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
