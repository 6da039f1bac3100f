using JobManager.Core.Storage;
using JobManager.Dispatcher.Clock;
using StackExchange.Redis;

namespace JobManager.Dispatcher.Retention;

/// <summary>
/// Once a minute, trims execution history to <c>JobManager:Retention</c> (per-job count and age).
/// Each shard is swept by one dispatcher at a time under a short lease in Redis.
/// </summary>
public sealed partial class RetentionSweeper(RetentionStore store, RedisKeys keys, RedisClock clock, ILogger<RetentionSweeper> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Replicas started together should not all sweep in the same second.
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5 + Random.Shared.Next(25)), stoppingToken);
            using var timer = new PeriodicTimer(Interval);
            do
            {
                await SweepAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var shard in keys.Shards)
            {
                if (await store.TryLeaseShardAsync(shard, _owner, Interval - TimeSpan.FromSeconds(5)))
                {
                    var removed = await store.SweepShardAsync(shard, clock.NowMs, stoppingToken);
                    if (removed > 0)
                    {
                        LogSwept(logger, shard, removed);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogSweepFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Retention: removed {Removed} executions from shard {Shard}")]
    private static partial void LogSwept(ILogger logger, int shard, long removed);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Retention sweep skipped: Redis unavailable ({ExceptionType})")]
    private static partial void LogSweepFailed(ILogger logger, string exceptionType);
}
