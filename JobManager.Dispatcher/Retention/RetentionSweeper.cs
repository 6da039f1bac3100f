using JobManager.Core.Storage;
using JobManager.Dispatcher.Clock;
using StackExchange.Redis;

namespace JobManager.Dispatcher.Retention;

/// <summary>
/// Once a minute, trims execution history to <c>JobManager:Retention</c> (per-job count and age).
/// Each shard is swept by one dispatcher at a time under a short lease in Redis.
/// </summary>
public sealed class RetentionSweeper(RetentionStore store, RedisKeys keys, RedisClock clock, ILogger<RetentionSweeper> logger)
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
                        Log.RetentionSwept(logger, shard, removed);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Log.RetentionSkipped(logger, ex.GetType().Name);
        }
    }
}
