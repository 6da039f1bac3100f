using System.Net;
using JobManager.Core.Retries;
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
internal sealed class RedisDurabilityCheck(IConnectionMultiplexer redis, ILogger<RedisDurabilityCheck> logger) : BackgroundService
{
    /// <summary>Waiting for Redis to be reachable: 250 ms doubling to 5 s.</summary>
    private static readonly Backoff WaitForRedis = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tries = 0;
        while (!redis.IsConnected)
        {
            await Task.Delay(WaitForRedis.Delay(tries++), stoppingToken);
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
            Log.NotChecked(logger, "(all)", ex.GetType().Name);
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
            Log.NotChecked(logger, endpoint, ex.Message);
            return;
        }

        if (settings.IsUnknown)
        {
            Log.NotChecked(logger, endpoint, "the server reports neither maxmemory-policy nor appendonly");
            return;
        }
        if (settings.MaxMemoryPolicy is null)
        {
            Log.PolicyUnreported(logger, endpoint);
        }
        else if (settings.CanEvict)
        {
            Log.MayEvict(logger, endpoint, settings.MaxMemoryPolicy);
        }
        if (settings.PersistsNothing)
        {
            Log.PersistsNothing(logger, endpoint);
        }
        else if (settings.SnapshotsOnly)
        {
            Log.SnapshotsOnly(logger, endpoint, settings.Save!);
        }
        if (settings.MaxMemoryPolicy is not null && !settings.CanEvict && !settings.PersistsNothing && !settings.SnapshotsOnly)
        {
            Log.Durable(logger, endpoint, settings.MaxMemoryPolicy, settings.AppendOnly ?? "unreported");
        }
    }

    private static async Task<string?> ConfigGetAsync(IServer server, string parameter) =>
        (await server.ConfigGetAsync(parameter)) is [var setting, ..] ? setting.Value : null;
}
