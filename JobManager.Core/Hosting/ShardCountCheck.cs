using JobManager.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace JobManager.Core.Hosting;

/// <summary>
/// Refuses to start a process whose <c>JobManager:Shards</c> differs from the one the deployment was
/// created with: it would look for jobs in the wrong keys. The first process records the count.
/// When Redis is not reachable yet the check is retried in the background rather than blocking start.
/// </summary>
internal sealed partial class ShardCountCheck(IConnectionMultiplexer redis, RedisKeys keys, ILogger<ShardCountCheck> logger, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var db = redis.GetDatabase();
                await db.StringSetAsync(RedisKeys.ShardCountKey, keys.ShardCount, when: When.NotExists);
                var recorded = (int)await db.StringGetAsync(RedisKeys.ShardCountKey);
                if (recorded != keys.ShardCount)
                {
                    LogShardMismatch(logger, keys.ShardCount, recorded);
                    Environment.ExitCode = 1;
                    lifetime.StopApplication();
                }
                return;
            }
            catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
            {
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Critical,
        Message = "JobManager:Shards is {Configured} but this Redis holds a deployment created with {Recorded} shards; stopping. Set JobManager:Shards to {Recorded}.")]
    private static partial void LogShardMismatch(ILogger logger, int configured, int recorded);
}
