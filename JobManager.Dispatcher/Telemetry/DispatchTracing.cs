using System.Diagnostics;
using JobManager.Core.Dispatch;
using JobManager.Core.Telemetry;

namespace JobManager.Dispatcher.Telemetry;

/// <summary>
/// The dispatch span: the root of an execution attempt's trace. The webhook's HTTP client span is its
/// child (HttpClient instrumentation), which also sends the span's context to the service as
/// <c>traceparent</c>, so an instrumented service's own spans join the trace. The span's context is stored
/// with the execution (<c>traceparent</c> field) when the webhook is accepted, and the Api puts the
/// execution's callbacks into the same trace.
/// </summary>
public static class DispatchTracing
{
    /// <summary>The activity source's name (the service defaults trace every <c>JobManager.*</c> source).</summary>
    public const string SourceName = "JobManager.Dispatcher";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Starts the dispatch span of one delivery as a new trace, whatever span is current: deliveries start
    /// from the dispatch loop, and one trace per execution means none of them is a child of the loop.
    /// Null when nothing listens.
    /// </summary>
    public static Activity? StartDispatch(Delivery delivery)
    {
        Activity.Current = null;
        return Source.StartActivity(ActivityKind.Internal, tags:
            [
                new(TelemetryTags.Service, delivery.Job.Service),
                new(TelemetryTags.Job, delivery.Job.Job),
                new(TelemetryTags.ExecutionId, delivery.ExecutionId),
                new(TelemetryTags.Attempt, delivery.Attempt),
            ],
            name: $"dispatch {delivery.Job}");
    }

    /// <summary>
    /// Starts the span of one batch of answers recorded together in <paramref name="shard"/>, as a trace of its
    /// own linked to each delivery's dispatch span (the batch belongs to none of them); the Redis client's
    /// span of the script call is its child. Null when nothing listens.
    /// </summary>
    public static Activity? StartRecording(int shard, int answers, IEnumerable<ActivityContext> dispatches)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        Activity.Current = null;
        return Source.StartActivity(ActivityKind.Internal, parentContext: default,
            tags: [new(TelemetryTags.Shard, shard), new(TelemetryTags.BatchSize, answers)],
            links: [.. dispatches.Where(context => context != default).Select(context => new ActivityLink(context))],
            name: "record answers");
    }

    /// <summary>Records how the delivery ended: the execution's status, and an error when the webhook failed.</summary>
    public static void Delivered(Activity? activity, DeliveryOutcome? outcome, string? error)
    {
        if (activity is null)
        {
            return;
        }
        if (outcome?.Status is { } status)
        {
            activity.SetTag(TelemetryTags.Status, status);
        }
        if (error is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error);
        }
    }
}
