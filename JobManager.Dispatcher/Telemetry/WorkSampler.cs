using JobManager.Core.Dispatch;
using JobManager.Dispatcher.Clock;
using StackExchange.Redis;

namespace JobManager.Dispatcher.Telemetry;

/// <summary>
/// Counts the store's due, scheduled, pending and running work every few seconds for the dispatcher's
/// gauges, so that exporting metrics never waits on Redis. Every dispatcher samples the same deployment-wide
/// numbers: read one dispatcher's gauges, do not add them up.
/// </summary>
public sealed class WorkSampler(WheelStore wheel, RedisClock clock, DispatcherMetrics metrics, TimeProvider time) : BackgroundService
{
    /// <summary>How often the store is counted: sixteen shards cost 64 O(log n) reads in one round trip.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                await SampleAsync();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SampleAsync()
    {
        try
        {
            metrics.WorkSampled(await wheel.CountWorkAsync(clock.NowMs));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The dispatch loop reports Redis outages (health, logs); the gauges go quiet once the last sample is old.
        }
    }
}
