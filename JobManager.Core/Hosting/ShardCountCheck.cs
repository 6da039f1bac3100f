using JobManager.Core.Storage;
using JobManager.Core.Retries;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace JobManager.Core.Hosting;

/// <summary>
/// Refuses to start a process whose <c>JobManager:Shards</c> differs from the one the deployment was
/// created with: it would look for jobs in the wrong keys. The first process records the count.
/// When Redis is not reachable yet the check is retried in the background rather than blocking start.
/// </summary>
internal sealed class ShardCountCheck(
    IConnectionMultiplexer redis, RedisKeys keys, ILogger<ShardCountCheck> logger, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    /// <summary>Waiting for Redis to be reachable: 250 ms doubling to 5 s.</summary>
    private static readonly Backoff WaitForRedis = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tries = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var db = redis.GetDatabase();
                await db.StringSetAsync(RedisKeys.ShardCountKey, keys.ShardCount, when: When.NotExists);
                var recorded = (int)await db.StringGetAsync(RedisKeys.ShardCountKey);
                if (recorded != keys.ShardCount)
                {
                    Log.ShardMismatch(logger, keys.ShardCount, recorded);
                    Environment.ExitCode = 1;
                    lifetime.StopApplication();
                }
                return;
            }
            catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
            {
                await Task.Delay(WaitForRedis.Delay(tries++), stoppingToken);
            }
        }
    }
}
