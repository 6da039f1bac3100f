using System.Diagnostics;
using JobManager.Core.Executions;
using JobManager.Core.Telemetry;

namespace JobManager.Api.Telemetry;

/// <summary>
/// Puts a callback into its execution's trace. The dispatcher stores its dispatch span's W3C context with
/// the execution when the webhook is accepted; here a <c>callback {kind}</c> span is recorded as that span's
/// child (so the dashboard shows dispatch, webhook, service and callback as one trace), linked both ways
/// with the HTTP request's own span. A service that propagates <c>traceparent</c> on its callback already
/// lands in the execution's trace: then the request span is simply tagged.
/// </summary>
public static class CallbackTracing
{
    /// <summary>The activity source's name (the service defaults trace every <c>JobManager.*</c> source).</summary>
    public const string SourceName = "JobManager.Api";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Tags the current request span with the execution and, when the execution's dispatch context is known
    /// and the request is not already in that trace, records the callback span there. Never records the token.
    /// </summary>
    public static void Record(string executionId, string kind, CallbackOutcome outcome)
    {
        var request = Activity.Current;
        var subject = outcome.Subject;
        var status = outcome switch
        {
            CallbackOutcome.Applied applied => applied.Status,
            CallbackOutcome.AlreadyFinished finished => finished.Status,
            _ => null,
        };
        List<KeyValuePair<string, object?>> tags = [new(TelemetryTags.ExecutionId, executionId), new(TelemetryTags.CallbackKind, kind)];
        if (subject is not null)
        {
            tags.AddRange([
                new(TelemetryTags.Service, subject.Job.Service),
                new(TelemetryTags.Job, subject.Job.Job),
                new(TelemetryTags.Attempt, subject.Attempt),
            ]);
        }
        if (status is not null)
        {
            tags.Add(new(TelemetryTags.Status, status));
        }
        foreach (var (key, value) in tags)
        {
            request?.SetTag(key, value);
        }

        if (!ActivityContext.TryParse(subject?.TraceParent, null, isRemote: true, out var dispatch)
            || request?.TraceId == dispatch.TraceId)
        {
            return;
        }
        request?.AddLink(new ActivityLink(dispatch));
        // Starting a span makes it current; put the request's span back so the rest of the request logs under it.
        using (var callback = Source.StartActivity($"callback {kind}", ActivityKind.Internal, dispatch, tags,
            request is null ? null : [new ActivityLink(request.Context)], request?.StartTimeUtc ?? default(DateTimeOffset)))
        {
            if (outcome is CallbackOutcome.AlreadyFinished)
            {
                callback?.SetStatus(ActivityStatusCode.Error, "the execution had already finished; nothing changed");
            }
        }
        Activity.Current = request;
    }
}
