using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace JobManager.Core.Hosting;

/// <summary>
/// At start, asks each Redis primary for <c>maxmemory-policy</c>, <c>appendonly</c> and <c>save</c> and warns
/// when keys could be evicted or nothing is persisted: JobManager keeps its only copy of jobs and executions
/// in Redis, and a misconfigured server loses them silently. Managed services (Azure Cache for Redis,
/// ElastiCache) often refuse <c>CONFIG</c>; then it logs that the settings could not be checked. Never
/// blocks start: it waits for Redis in the background like <see cref="ShardCountCheck"/>.
/// </summary>
internal sealed partial class RedisDurabilityCheck(IConnectionMultiplexer redis, ILogger<RedisDurabilityCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var primaries = redis.GetServers().Where(s => s.IsConnected && !s.IsReplica).ToList();
                foreach (var server in primaries)
                {
                    await CheckAsync(server);
                }
                if (primaries.Count > 0)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
            {
            }
            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
        }
    }

    private async Task CheckAsync(IServer server)
    {
        var endpoint = server.EndPoint.ToString() ?? "redis";
        RedisDurabilitySettings settings;
        try
        {
            settings = new RedisDurabilitySettings(
                await ConfigGetAsync(server, "maxmemory-policy"),
                await ConfigGetAsync(server, "appendonly"),
                await ConfigGetAsync(server, "save"));
        }
        catch (RedisServerException ex)
        {
            // The server's error text differs between Redis, managed services and Garnet: never parse it.
            LogNotChecked(logger, endpoint, ex.Message);
            return;
        }

        if (settings.IsUnknown)
        {
            LogNotChecked(logger, endpoint, "the server reports neither maxmemory-policy nor appendonly");
            return;
        }
        if (settings.CanEvict)
        {
            LogMayEvict(logger, endpoint, settings.MaxMemoryPolicy!);
        }
        if (settings.PersistsNothing)
        {
            LogPersistsNothing(logger, endpoint);
        }
        else if (settings.SnapshotsOnly)
        {
            LogSnapshotsOnly(logger, endpoint, settings.Save!);
        }
        if (!settings.CanEvict && !settings.PersistsNothing && !settings.SnapshotsOnly)
        {
            LogDurable(logger, endpoint, settings.MaxMemoryPolicy ?? "unreported", settings.AppendOnly ?? "unreported");
        }
    }

    // Sent as a plain command: StackExchange.Redis's ConfigGetAsync needs allowAdmin in the connection
    // string, which JobManager's connection strings do not (and should not) carry.
    private static async Task<string?> ConfigGetAsync(IServer server, string parameter)
    {
        var reply = await server.ExecuteAsync("CONFIG", "GET", parameter);
        if (reply.Resp2Type == ResultType.Array && (RedisResult[])reply! is [_, var value, ..])
        {
            return (string?)value;
        }
        return null;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning,
        Message = "Redis {Endpoint} has maxmemory-policy {Policy}: when memory runs out it deletes keys, and jobs, leases or executions vanish without an error. Set maxmemory-policy noeviction.")]
    private static partial void LogMayEvict(ILogger logger, string endpoint, string policy);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning,
        Message = "Redis {Endpoint} persists nothing (appendonly no, save \"\"): a restart loses every job and execution. Set appendonly yes with appendfsync everysec.")]
    private static partial void LogPersistsNothing(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information,
        Message = "Redis {Endpoint} persists with RDB snapshots only (save {Save}): a crash loses the writes since the last snapshot. appendonly yes with appendfsync everysec loses at most about a second.")]
    private static partial void LogSnapshotsOnly(ILogger logger, string endpoint, string save);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information,
        Message = "Redis {Endpoint} keeps JobManager's data: maxmemory-policy {Policy}, appendonly {AppendOnly}")]
    private static partial void LogDurable(ILogger logger, string endpoint, string policy, string appendOnly);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information,
        Message = "Could not check the eviction and persistence settings of Redis {Endpoint} ({Reason}); managed services often refuse CONFIG. Make sure it runs with maxmemory-policy noeviction and persistence on.")]
    private static partial void LogNotChecked(ILogger logger, string endpoint, string reason);
}
