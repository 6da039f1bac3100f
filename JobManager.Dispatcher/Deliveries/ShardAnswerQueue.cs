namespace JobManager.Dispatcher.Deliveries;

/// <summary>
/// One shard's answers waiting in the <see cref="DeliveryRecorder"/> for a batch, and the batch being
/// recorded (at most one). The recorder reads and changes it under <see cref="Gate"/>.
/// </summary>
internal sealed class ShardAnswerQueue
{
    public ShardAnswerQueue(int shard, TimeProvider time, Action<ShardAnswerQueue> onTimer)
    {
        Shard = shard;
        Timer = time.CreateTimer(static state =>
        {
            var (onTimer, queue) = ((Action<ShardAnswerQueue>, ShardAnswerQueue))state!;
            onTimer(queue);
        }, (onTimer, this), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public int Shard { get; }
    public Lock Gate { get; } = new();
    public ITimer Timer { get; }
    public List<QueuedAnswer> Waiting { get; set; } = [];
    public bool TimerSet { get; set; }
    public Task? InFlight { get; set; }
}
