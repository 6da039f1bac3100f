using System.Diagnostics;
using JobManager.Core.Dispatch;
using JobManager.Core.Storage;
using JobManager.Dispatcher.Configuration;
using JobManager.Dispatcher.Telemetry;
using Microsoft.Extensions.Options;

namespace JobManager.Dispatcher.Deliveries;

/// <summary>
/// Records webhook answers in batches, one script call per shard for many deliveries
/// (<see cref="DeliveryAnswerStore.RecordAsync"/>): with a call per answer, a burst of webhooks costs as many
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
    private readonly DeliveryAnswerStore _store;
    private readonly TimeProvider _time;
    private readonly int _batchSize;
    private readonly TimeSpan _maxDelay;
    private readonly ShardAnswerQueue[] _queues;
    private volatile bool _stopping;

    public DeliveryRecorder(DeliveryAnswerStore store, RedisKeys keys, IOptions<RecordingOptions> options, TimeProvider time)
    {
        _store = store;
        _time = time;
        _batchSize = options.Value.BatchSize;
        _maxDelay = TimeSpan.FromMilliseconds(options.Value.MaxDelayMilliseconds);
        // The timers must not carry whichever caller's context (its dispatch span, its log scope) made them.
        using (ExecutionContext.SuppressFlow())
        {
            _queues = [.. keys.Shards.Select(shard => new ShardAnswerQueue(shard, _time, OnTimer))];
        }
    }

    /// <summary>
    /// Queues <paramref name="answer"/> for its shard's next batch and completes with its outcome once that
    /// batch is recorded. <paramref name="dispatch"/>, the delivery's dispatch span, is linked from the batch's span.
    /// </summary>
    public Task<DeliveryOutcome> RecordAsync(DeliveryAnswer answer, ActivityContext dispatch = default)
    {
        var entry = new QueuedAnswer(answer, dispatch, _time.GetTimestamp());
        var queue = _queues[answer.Delivery.Shard];
        lock (queue.Gate)
        {
            queue.Waiting.Add(entry);
            Pump(queue);
        }
        return entry.Completion.Task;
    }

    // Under the queue's lock: sends a batch if one is due and none is in flight, or sets the timer for when one will be.
    private void Pump(ShardAnswerQueue queue)
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
        List<QueuedAnswer> batch;
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

    private async Task SendAsync(ShardAnswerQueue queue, List<QueuedAnswer> batch)
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

    private void OnTimer(ShardAnswerQueue queue)
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
}
