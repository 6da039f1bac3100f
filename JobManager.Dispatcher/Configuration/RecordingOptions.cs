using System.ComponentModel.DataAnnotations;

namespace JobManager.Dispatcher.Configuration;

/// <summary>
/// How a dispatcher batches the recording of webhook answers (the <c>DeliveryRecorder</c> in <c>Deliveries/</c>).
/// Bound from <c>JobManager:Dispatcher:Recording</c>.
/// </summary>
public sealed class RecordingOptions
{
    public const string SectionName = "JobManager:Dispatcher:Recording";

    /// <summary>Most answers of one shard recorded by one script call; a full batch is sent at once.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 128;

    /// <summary>
    /// How long an answer may wait for others of its shard before its batch is sent anyway. The execution
    /// stays pending, and its delivery slot taken, that much longer; 0 batches only the answers that come
    /// while the shard's previous batch is being recorded.
    /// </summary>
    [Range(0, 100)]
    public int MaxDelayMilliseconds { get; set; } = 2;
}
