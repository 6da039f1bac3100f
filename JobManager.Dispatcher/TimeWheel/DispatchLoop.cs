using JobManager.Core.Dispatch;
using JobManager.Core.Executions;
using JobManager.Core.Storage;
using JobManager.Dispatcher.Clock;
using JobManager.Core.Retries;
using JobManager.Dispatcher.Configuration;
using JobManager.Dispatcher.Deliveries;
using JobManager.Dispatcher.Telemetry;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobManager.Dispatcher.TimeWheel;

/// <summary>
/// The time wheel's driver. Sleeps until the earliest due job, expired lease or deadline of any
/// shard (or until woken), then for each shard with work: times out overdue executions, claims due
/// jobs in batches as delivery slots allow, and takes over executions whose lease expired.
/// </summary>
public sealed class DispatchLoop(
    RedisKeys keys,
    WheelStore wheel,
    ClaimStore claims,
    LeaseStore leases,
    RedisClock clock,
    WakeSignal wake,
    DeliveryPipeline deliveries,
    ReservationHold hold,
    ScheduleRefiller refiller,
    DispatcherHealth health,
    DispatcherMetrics metrics,
    IOptions<DispatcherOptions> options,
    ILogger<DispatchLoop> logger) : BackgroundService
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Reconnecting after an error: 100 ms doubling to 5 s.</summary>
    private static readonly Backoff Reconnect = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        Log.Started(logger, keys.ShardCount, settings.LeaseSeconds, settings.MaxConcurrentDeliveries);
        var failures = 0;
        var subscribed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!subscribed)
                {
                    await wake.SubscribeAsync();
                    subscribed = true;
                }
                await clock.SyncAsync();
                var earliest = await wheel.PeekEarliestAsync(settings.ClaimAheadMilliseconds);
                health.ReportReachable();
                failures = 0;

                var nowMs = clock.NowMs;
                var due = keys.Shards.Where(shard => earliest[shard] <= nowMs).ToList();
                if (due.Count == 0)
                {
                    var idleUntil = nowMs + settings.MaxIdleSeconds * 1000L;
                    await wake.SleepUntilAsync(Math.Min(earliest.Min() ?? idleUntil, idleUntil), stoppingToken);
                    continue;
                }
                // Start at a random shard so replicas woken together spread over the shards.
                var offset = Random.Shared.Next(due.Count);
                await Task.WhenAll(due.Skip(offset).Concat(due.Take(offset)).Select(shard => ProcessShardAsync(shard, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                health.ReportUnreachable();
                var delay = Reconnect.Delay(failures++);
                Log.RedisUnavailable(logger, ex.GetType().Name, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception ex)
            {
                var delay = Reconnect.Delay(failures++);
                Log.LoopError(logger, ex, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // No new claims now; let deliveries in flight record their answers. Whatever does not finish
        // keeps its lease and is delivered again by another dispatcher.
        Log.Draining(logger, (int)DrainTimeout.TotalSeconds, deliveries.InFlight);
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        drain.CancelAfter(DrainTimeout);
        // Reservations not armed yet go back first: another dispatcher can arm them at their instant.
        var unfinished = new List<ILeasedExecution>(hold.Release());
        unfinished.AddRange(await deliveries.DrainAsync(drain.Token));
        if (unfinished.Count > 0)
        {
            try
            {
                // A zero lease hands them to the next dispatcher that looks, instead of after the lease.
                await leases.RenewLeasesAsync(unfinished, leaseMs: 0);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                Log.RedisUnavailable(logger, ex.GetType().Name, 0);
            }
        }
    }

    private async Task ProcessShardAsync(int shard, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var batch = settings.ClaimBatchSize;
        var leaseMs = settings.LeaseSeconds * 1000L;

        while (await leases.ExpireDeadlinesAsync(shard, clock.NowMs, batch, job => metrics.Failed(job, FailureReason.Timeout)) == batch)
        {
        }
        await ClaimWhileDueAsync(
            reserved => claims.ClaimDueAsync(shard, clock.NowMs, reserved, leaseMs, settings.MissedRunGraceSeconds * 1000L,
                // Claim ahead only while the hold has room; what is due now is claimed regardless.
                hold.Count < settings.MaxReservations ? settings.ClaimAheadMilliseconds : 0),
            stoppingToken);
        await ClaimWhileDueAsync(reserved => claims.ReclaimAsync(shard, clock.NowMs, reserved, leaseMs), stoppingToken);
    }

    private async Task ClaimWhileDueAsync(Func<int, Task<ClaimResult>> claim, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var reserved = await deliveries.ReserveAsync(options.Value.ClaimBatchSize, stoppingToken);
            ClaimResult result;
            try
            {
                result = await claim(reserved);
            }
            catch
            {
                deliveries.Release(reserved);
                throw;
            }
            deliveries.Release(reserved - result.Deliveries.Count);
            metrics.Claimed(result);
            foreach (var delivery in result.Deliveries)
            {
                deliveries.Start(delivery);
            }
            hold.Add(result.Reservations);
            foreach (var refill in result.Refills)
            {
                await refiller.RefillAsync(refill);
            }
            if (result.Candidates < reserved)
            {
                return;
            }
        }
    }
}
