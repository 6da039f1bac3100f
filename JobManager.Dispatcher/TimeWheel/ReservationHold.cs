using System.Collections.Concurrent;
using JobManager.Core.Dispatch;
using JobManager.Dispatcher.Clock;
using JobManager.Core.Retries;
using JobManager.Dispatcher.Configuration;
using JobManager.Dispatcher.Deliveries;
using JobManager.Dispatcher.Telemetry;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobManager.Dispatcher.TimeWheel;

/// <summary>
/// Holds the executions this dispatcher claimed ahead of their instant (fire-ahead) until that
/// instant, then arms them, one script per shard and batch, and starts the webhooks of those that
/// still fire. Their leases are renewed with the deliveries' (<c>Leases/LeaseKeeper</c>); on shutdown
/// whatever is still held is released to the other dispatchers.
/// </summary>
public sealed class ReservationHold(
    ClaimStore claims,
    RedisClock clock,
    DeliveryPipeline deliveries,
    DispatcherMetrics metrics,
    IOptions<DispatcherOptions> options,
    ILogger<ReservationHold> logger) : BackgroundService
{
    /// <summary>Arming again after Redis failed: 100 ms doubling to 2 s, well inside the reservations' leases.</summary>
    private static readonly Backoff RetryArming = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, List<Reservation>> _byInstant = [];
    private readonly ConcurrentDictionary<string, Reservation> _held = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _stopped;

    public int Count => _held.Count;

    /// <summary>The reservations held now, whose leases the lease keeper (<c>Leases/LeaseKeeper</c>) renews.</summary>
    public IReadOnlyCollection<Reservation> Current => [.. _held.Values];

    public void Add(IReadOnlyList<Reservation> reservations)
    {
        if (reservations.Count == 0)
        {
            return;
        }
        lock (_gate)
        {
            foreach (var reservation in reservations)
            {
                if (!_byInstant.TryGetValue(reservation.ArmAtMs, out var list))
                {
                    _byInstant[reservation.ArmAtMs] = list = [];
                }
                list.Add(reservation);
                _held[reservation.ExecutionId] = reservation;
            }
            _changed.TrySetResult();
        }
    }

    /// <summary>Stops arming and hands back everything still held, for its leases to be released.</summary>
    public IReadOnlyCollection<Reservation> Release()
    {
        lock (_gate)
        {
            _stopped = true;
            var held = _byInstant.Values.SelectMany(list => list).ToList();
            _byInstant.Clear();
            _held.Clear();
            return held;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            Task changed;
            long? earliest;
            lock (_gate)
            {
                if (_stopped)
                {
                    return;
                }
                if (_changed.Task.IsCompleted)
                {
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                changed = _changed.Task;
                earliest = _byInstant.Count > 0 ? _byInstant.Keys.First() : null;
            }
            var waitMs = earliest is { } instant ? instant - clock.NowMs : (long?)null;
            if (waitMs is null or > 0)
            {
                var delay = waitMs is { } ms ? TimeSpan.FromMilliseconds(ms) : Timeout.InfiniteTimeSpan;
                // Cancelled once either wins, so a superseded wait leaves no timer behind.
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(changed, Task.Delay(delay, waiting.Token));
                await waiting.CancelAsync();
                continue;
            }
            try
            {
                await ArmDueAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Still held and leased: try again shortly; if Redis stays away the leases expire and
                // another dispatcher arms them.
                var delay = RetryArming.Delay(failures++);
                Log.RedisUnavailable(logger, ex.GetType().Name, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// Arms every reservation whose instant has come, a batch at a time; each batch's webhooks start
    /// (as delivery slots free up) before the next batch is armed, so a claim time is close to its send.
    /// </summary>
    private async Task ArmDueAsync(CancellationToken stoppingToken)
    {
        var batches = TakeDue(clock.NowMs).GroupBy(r => r.Shard).SelectMany(shard => shard.Chunk(options.Value.ClaimBatchSize)).ToList();
        var next = 0;
        try
        {
            for (; next < batches.Count; next++)
            {
                var batch = batches[next];
                var result = await claims.ArmAsync(batch[0].Shard, batch);
                foreach (var reservation in batch)
                {
                    _held.TryRemove(reservation.ExecutionId, out _);
                }
                metrics.Claimed(result);
                var started = 0;
                while (started < result.Deliveries.Count)
                {
                    var slots = await deliveries.ReserveAsync(result.Deliveries.Count - started, stoppingToken);
                    for (var i = 0; i < slots; i++)
                    {
                        deliveries.Start(result.Deliveries[started++]);
                    }
                }
            }
        }
        catch
        {
            // Not armed yet (the batch that failed included): back in the hold, still leased. An armed
            // batch whose webhooks could not start (shutdown) is left to its lease: another dispatcher
            // delivers it.
            var failed = next < batches.Count && batches[next].Any(r => _held.ContainsKey(r.ExecutionId)) ? next : next + 1;
            Add([.. batches.Skip(failed).SelectMany(batch => batch)]);
            throw;
        }
    }

    private List<Reservation> TakeDue(long nowMs)
    {
        lock (_gate)
        {
            var due = new List<Reservation>();
            while (_byInstant.Count > 0 && _byInstant.Keys.First() is var instant && instant <= nowMs)
            {
                due.AddRange(_byInstant[instant]);
                _byInstant.Remove(instant);
            }
            return due;
        }
    }
}
