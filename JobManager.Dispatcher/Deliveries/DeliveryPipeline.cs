using System.Collections.Concurrent;
using JobManager.Core.Dispatch;
using JobManager.Dispatcher.Configuration;
using Microsoft.Extensions.Options;

namespace JobManager.Dispatcher.Deliveries;

/// <summary>
/// Bounds how many webhooks are in flight. The dispatch loop reserves slots before it claims, so it
/// never claims work it cannot start at once: a claimed execution's lease is ticking.
/// </summary>
public sealed class DeliveryPipeline(WebhookSender sender, IOptions<DispatcherOptions> options)
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentDeliveries, options.Value.MaxConcurrentDeliveries);
    private int _inFlight;
    private TaskCompletionSource _drained = Completed();
    private readonly CancellationTokenSource _abort = new();
    private readonly ConcurrentDictionary<string, Delivery> _deliveries = new(StringComparer.Ordinal);

    /// <summary>The deliveries in flight now, whose leases the lease keeper (<c>Leases/LeaseKeeper</c>) renews.</summary>
    public IReadOnlyCollection<Delivery> Current => [.. _deliveries.Values];

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Waits for at least one free slot, then takes up to <paramref name="wanted"/>.</summary>
    public async Task<int> ReserveAsync(int wanted, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        var reserved = 1;
        while (reserved < wanted && _slots.Wait(0, CancellationToken.None))
        {
            reserved++;
        }
        return reserved;
    }

    public void Release(int unused)
    {
        if (unused > 0)
        {
            _slots.Release(unused);
        }
    }

    /// <summary>Starts a delivery on a reserved slot; the slot frees when it finishes.</summary>
    public void Start(Delivery delivery)
    {
        if (Interlocked.Increment(ref _inFlight) == 1)
        {
            Interlocked.Exchange(ref _drained, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        _deliveries[delivery.ExecutionId] = delivery;
        _ = RunAsync(delivery, _abort.Token);
    }

    private async Task RunAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();
            await sender.DeliverAsync(delivery, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the lease expires and another dispatcher delivers it.
        }
        finally
        {
            _deliveries.TryRemove(delivery.ExecutionId, out _);
            _slots.Release();
            if (Interlocked.Decrement(ref _inFlight) == 0)
            {
                Volatile.Read(ref _drained).TrySetResult();
            }
        }
    }

    /// <summary>
    /// Waits for the deliveries in flight to finish; when <paramref name="cancellationToken"/> fires
    /// first, aborts them and returns them, for their leases to be released to other dispatchers.
    /// </summary>
    public async Task<IReadOnlyCollection<Delivery>> DrainAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (InFlight > 0)
            {
                await Volatile.Read(ref _drained).Task.WaitAsync(cancellationToken);
            }
            return [];
        }
        catch (OperationCanceledException)
        {
            var unfinished = Current;
            await _abort.CancelAsync();
            return unfinished;
        }
    }

    private static TaskCompletionSource Completed()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }
}
