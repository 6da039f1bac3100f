using JobManager.Core.Storage;
using StackExchange.Redis;

namespace JobManager.Dispatcher.Clock;

/// <summary>
/// Lets the dispatch loop sleep until the earliest work it knows of, and wakes it sooner when work
/// appears earlier: a job created or rescheduled (pub/sub from the Api), a manual run, or a deadline
/// this dispatcher just set. Requests made while the loop is busy are kept for its next sleep.
/// </summary>
public sealed class WakeSignal(IConnectionMultiplexer redis, RedisClock clock, TimeProvider time)
{
    private readonly Lock _gate = new();
    private long _requestedMs = long.MaxValue;
    private long _sleepingUntilMs = long.MinValue;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task SubscribeAsync() =>
        redis.GetSubscriber().SubscribeAsync(RedisKeys.WakeChannel, (_, message) =>
        {
            if (message.TryParse(out long atMs))
            {
                Request(atMs);
            }
        });

    /// <summary>Asks for the loop to be awake at <paramref name="atMs"/> (Redis time) at the latest.</summary>
    public void Request(long atMs)
    {
        lock (_gate)
        {
            _requestedMs = Math.Min(_requestedMs, atMs);
            if (_requestedMs < _sleepingUntilMs)
            {
                _wake.TrySetResult();
            }
        }
    }

    /// <summary>Sleeps until <paramref name="targetMs"/> (Redis time) or an earlier request.</summary>
    public async Task SleepUntilAsync(long targetMs, CancellationToken cancellationToken)
    {
        Task woken;
        lock (_gate)
        {
            targetMs = Math.Min(targetMs, _requestedMs);
            _requestedMs = long.MaxValue;
            _sleepingUntilMs = targetMs;
            _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            woken = _wake.Task;
        }
        try
        {
            var delayMs = targetMs - clock.NowMs;
            if (delayMs > 0)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var delay = Task.Delay(TimeSpan.FromMilliseconds(delayMs), time, timeout.Token);
                await Task.WhenAny(woken, delay);
                await timeout.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            lock (_gate)
            {
                _sleepingUntilMs = long.MinValue;
                // The loop reads the wheel right after waking, which covers every request made so far.
                if (woken.IsCompleted)
                {
                    _requestedMs = long.MaxValue;
                }
            }
        }
    }
}
