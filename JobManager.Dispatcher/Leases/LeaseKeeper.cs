using JobManager.Core.Dispatch;
using JobManager.Dispatcher.Clock;
using JobManager.Dispatcher.Configuration;
using JobManager.Dispatcher.Deliveries;
using JobManager.Dispatcher.TimeWheel;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobManager.Dispatcher.Leases;

/// <summary>
/// Renews the leases of this dispatcher's deliveries in flight and held reservations every third of the lease, so only a
/// dispatcher that died or froze (GC pause, SIGSTOP) is taken over. A renewal for an execution
/// another dispatcher already took over is refused by the script (fencing).
/// </summary>
public sealed class LeaseKeeper(
    DeliveryPipeline deliveries,
    ReservationHold hold,
    LeaseStore leases,
    RedisClock clock,
    IOptions<DispatcherOptions> options,
    ILogger<LeaseKeeper> logger)
    : BackgroundService
{
    /// <summary>
    /// What to renew now: every delivery in flight, and the reservations whose instant has come without
    /// their being armed yet (Redis was away). One still ahead of its instant is leased until the instant
    /// plus the lease, longer than a renewal now would give; renewing the whole hold (a second and a half of
    /// executions) every few seconds only cost Redis work, and shortened those leases.
    /// </summary>
    internal static List<ILeasedExecution> Due(IEnumerable<ILeasedExecution> inFlight, IEnumerable<Reservation> held, long nowMs)
    {
        var due = new List<ILeasedExecution>(inFlight);
        due.AddRange(held.Where(reservation => reservation.ArmAtMs <= nowMs));
        return due;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var leaseMs = options.Value.LeaseSeconds * 1000L;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(leaseMs / 3.0));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var current = Due(deliveries.Current, hold.Current, clock.NowMs);
                if (current.Count == 0)
                {
                    continue;
                }
                try
                {
                    await leases.RenewLeasesAsync(current, leaseMs);
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    Log.LeasesNotRenewed(logger, current.Count, ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
