using System.Diagnostics;
using JobManager.Core.Dispatch;

namespace JobManager.Dispatcher.Deliveries;

/// <summary>An answer waiting for its batch: its delivery's dispatch span, when it was queued, and its caller's result.</summary>
internal sealed record QueuedAnswer(DeliveryAnswer Answer, ActivityContext Dispatch, long QueuedAt)
{
    // Callers' continuations (logs, metrics, their delivery slot) must not run inside the batch's loop.
    public TaskCompletionSource<DeliveryOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
