using System.Diagnostics;
using JobManager.Core.Dispatch;
using JobManager.Dispatcher.Configuration;
using JobManager.Dispatcher.Telemetry;
using Microsoft.Extensions.Options;

namespace JobManager.Dispatcher.Webhooks;

/// <summary>
/// Records webhook answers in batches, one script call per shard for many deliveries
/// (<see cref="DispatchStore.RecordAsync"/>): with a call per answer, a burst of webhooks costs as many
/// script calls, each with its client and tracing overhead, on the machine that also runs Redis. Answers
/// queue per shard; a shard's queue is sent once it holds <see cref="RecordingOptions.BatchSize"/> answers
/// or its oldest has waited <see cref="RecordingOptions.MaxDelayMilliseconds"/>, and only one call per
/// shard is in flight, so answers that come meanwhile make the next batch bigger rather than another call.
/// Every caller gets its own outcome, or the exception of the call that carried its answer (its lease then
/// expires and another dispatcher delivers again, as when each answer had a call of its own).
/// A delivery stays in flight until its answer is recorded, so the dispatch loop's drain waits for queued
/// answers; once every hosted service has stopped, anything still queued (a delivery the drain gave up
/// on) is sent at once and awaited.
/// </summary>
public sealed class DeliveryRecorder : IHostedLifecycleService, IDisposable
{
    private readonly DispatchStore _store;
    private readonly TimeProvider _time;
    private readonly int _batchSize;
    private readonly TimeSpan _maxDelay;
    private readonly ShardQueue[] _queues;
    private volatile bool _stopping;

    public DeliveryRecorder(DispatchStore store, IOptions<RecordingOptions> options, TimeProvider time)
    {
        _store = store;
        _time = time;
        _batchSize = options.Value.BatchSize;
        _maxDelay = TimeSpan.FromMilliseconds(options.Value.MaxDelayMilliseconds);
        // The timers must not carry whichever caller's context (its dispatch span, its log scope) made them.
        using (ExecutionContext.SuppressFlow())
        {
            _queues = [.. store.Keys.Shards.Select(shard => new ShardQueue(shard, this))];
        }
    }

    /// <summary>
    /// Queues <paramref name="answer"/> for its shard's next batch and completes with its outcome once that
    /// batch is recorded. <paramref name="dispatch"/>, the delivery's dispatch span, is linked from the batch's span.
    /// </summary>
    public Task<DeliveryOutcome> RecordAsync(DeliveryAnswer answer, ActivityContext dispatch = default)
    {
        var entry = new Entry(answer, dispatch, _time.GetTimestamp());
        var queue = _queues[answer.Delivery.Shard];
        lock (queue.Gate)
        {
            queue.Waiting.Add(entry);
            Pump(queue);
        }
        return entry.Completion.Task;
    }

    // Under the queue's lock: sends a batch if one is due and none is in flight, or sets the timer for when one will be.
    private void Pump(ShardQueue queue)
    {
        if (queue.InFlight is not null || queue.Waiting.Count == 0)
        {
            return;
        }
        var waited = _time.GetElapsedTime(queue.Waiting[0].QueuedAt);
        if (queue.Waiting.Count < _batchSize && waited < _maxDelay && !_stopping)
        {
            if (!queue.TimerSet)
            {
                queue.TimerSet = true;
                queue.Timer.Change(_maxDelay - waited, Timeout.InfiniteTimeSpan);
            }
            return;
        }
        List<Entry> batch;
        if (queue.Waiting.Count <= _batchSize)
        {
            batch = queue.Waiting;
            queue.Waiting = [];
        }
        else
        {
            batch = queue.Waiting.GetRange(0, _batchSize);
            queue.Waiting.RemoveRange(0, _batchSize);
        }
        if (queue.TimerSet)
        {
            queue.TimerSet = false;
            queue.Timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        // Not in the context of the caller whose answer filled the batch: the batch is everyone's.
        using (ExecutionContext.SuppressFlow())
        {
            queue.InFlight = Task.Run(() => SendAsync(queue, batch));
        }
    }

    private async Task SendAsync(ShardQueue queue, List<Entry> batch)
    {
        try
        {
            using var activity = DispatchTracing.StartRecording(queue.Shard, batch.Count, batch.Select(e => e.Dispatch));
            IReadOnlyList<RecordedAnswer> recorded;
            try
            {
                recorded = await _store.RecordAsync([.. batch.Select(e => e.Answer)]);
            }
            catch (Exception ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
                foreach (var entry in batch)
                {
                    entry.Completion.TrySetException(ex);
                }
                return;
            }
            for (var i = 0; i < batch.Count; i++)
            {
                try
                {
                    batch[i].Completion.TrySetResult(recorded[i].GetOutcome());
                }
                catch (Exception ex)
                {
                    batch[i].Completion.TrySetException(ex);
                }
            }
        }
        finally
        {
            lock (queue.Gate)
            {
                queue.InFlight = null;
                Pump(queue);
            }
        }
    }

    private void OnTimer(ShardQueue queue)
    {
        lock (queue.Gate)
        {
            queue.TimerSet = false;
            Pump(queue);
        }
    }

    /// <summary>
    /// Sends every queued answer now and waits for every batch in flight. Runs once every hosted service has
    /// stopped, so after the dispatch loop's drain: no delivery that finished leaves its answer behind.
    /// </summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        while (true)
        {
            var inFlight = new List<Task>();
            foreach (var queue in _queues)
            {
                lock (queue.Gate)
                {
                    Pump(queue);
                    if (queue.InFlight is { } sending)
                    {
                        inFlight.Add(sending);
                    }
                }
            }
            if (inFlight.Count == 0)
            {
                return;
            }
            await Task.WhenAll(inFlight).WaitAsync(cancellationToken);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var queue in _queues)
        {
            queue.Timer.Dispose();
        }
    }

    private sealed record Entry(DeliveryAnswer Answer, ActivityContext Dispatch, long QueuedAt)
    {
        // Callers' continuations (logs, metrics, their delivery slot) must not run inside the batch's loop.
        public TaskCompletionSource<DeliveryOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>One shard's answers waiting for a batch, and the batch being recorded (at most one).</summary>
    private sealed class ShardQueue
    {
        public ShardQueue(int shard, DeliveryRecorder recorder)
        {
            Shard = shard;
            Timer = recorder._time.CreateTimer(static state =>
            {
                var (recorder, queue) = ((DeliveryRecorder, ShardQueue))state!;
                recorder.OnTimer(queue);
            }, (recorder, this), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public int Shard { get; }
        public Lock Gate { get; } = new();
        public ITimer Timer { get; }
        public List<Entry> Waiting { get; set; } = [];
        public bool TimerSet { get; set; }
        public Task? InFlight { get; set; }
    }
}
