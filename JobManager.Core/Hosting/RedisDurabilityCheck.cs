using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace JobManager.Core.Hosting;

/// <summary>
/// At start, asks each Redis primary for <c>maxmemory-policy</c>, <c>appendonly</c> and <c>save</c> and warns
/// when keys could be evicted or nothing is persisted: JobManager keeps its only copy of jobs and executions
/// in Redis, and a misconfigured server loses them silently. Managed services (Azure Cache for Redis,
/// ElastiCache) often refuse <c>CONFIG</c>; then it logs that the settings could not be checked. Never
/// blocks start: it waits in the background until the services' connection to Redis is up.
/// </summary>
internal sealed partial class RedisDurabilityCheck(IConnectionMultiplexer redis, ILogger<RedisDurabilityCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!redis.IsConnected)
        {
            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
        }
        try
        {
            await using var admin = await ConnectForConfigAsync();
            foreach (var server in admin.GetServers().Where(s => s.IsConnected && !s.IsReplica))
            {
                await CheckAsync(server);
            }
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            // Not the message: a connection error may spell out the configuration.
            LogNotChecked(logger, "(all)", ex.GetType().Name);
        }
    }

    // StackExchange.Redis sends CONFIG only over a connection opened with allowAdmin, which the services'
    // own connection does not have (and should not: it would also allow FLUSHALL). So the check opens a
    // short-lived one with the same settings, and closes it when done.
    private async Task<ConnectionMultiplexer> ConnectForConfigAsync()
    {
        var options = ConfigurationOptions.Parse(redis.Configuration);
        options.AllowAdmin = true;
        options.AbortOnConnectFail = true;
        // One attempt, so give it time: a busy host (or a test machine compiling beside it) can take seconds.
        options.ConnectTimeout = Math.Max(options.ConnectTimeout, 15_000);
        options.ClientName = "jobmanager-config-check";
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    private async Task CheckAsync(IServer server)
    {
        var endpoint = server.EndPoint is DnsEndPoint dns ? $"{dns.Host}:{dns.Port}" : server.EndPoint.ToString() ?? "redis";
        RedisDurabilitySettings settings;
        try
        {
            settings = new RedisDurabilitySettings(
                await ConfigGetAsync(server, "maxmemory-policy"),
                await ConfigGetAsync(server, "appendonly"),
                await ConfigGetAsync(server, "save"));
        }
        catch (Exception ex) when (ex is RedisServerException or RedisCommandException)
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
        if (settings.MaxMemoryPolicy is null)
        {
            LogPolicyUnreported(logger, endpoint);
        }
        else if (settings.CanEvict)
        {
            LogMayEvict(logger, endpoint, settings.MaxMemoryPolicy);
        }
        if (settings.PersistsNothing)
        {
            LogPersistsNothing(logger, endpoint);
        }
        else if (settings.SnapshotsOnly)
        {
            LogSnapshotsOnly(logger, endpoint, settings.Save!);
        }
        if (settings.MaxMemoryPolicy is not null && !settings.CanEvict && !settings.PersistsNothing && !settings.SnapshotsOnly)
        {
            LogDurable(logger, endpoint, settings.MaxMemoryPolicy, settings.AppendOnly ?? "unreported");
        }
    }

    private static async Task<string?> ConfigGetAsync(IServer server, string parameter) =>
        (await server.ConfigGetAsync(parameter)) is [var setting, ..] ? setting.Value : null;

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

    [LoggerMessage(EventId = 15, Level = LogLevel.Information,
        Message = "Redis {Endpoint} does not report maxmemory-policy (Garnet does not); make sure it never evicts keys when memory runs out")]
    private static partial void LogPolicyUnreported(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information,
        Message = "Could not check the eviction and persistence settings of Redis {Endpoint} ({Reason}); managed services often refuse CONFIG. Make sure it runs with maxmemory-policy noeviction and persistence on.")]
    private static partial void LogNotChecked(ILogger logger, string endpoint, string reason);
}
