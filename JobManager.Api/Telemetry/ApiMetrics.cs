using System.Diagnostics.Metrics;
using JobManager.Core.Executions;
using JobManager.Core.Telemetry;

namespace JobManager.Api.Telemetry;

/// <summary>
/// The Api's instruments, on the meter <see cref="MeterName"/> (the service defaults export every
/// <c>JobManager.*</c> meter); described in <c>docs/observability.md</c>. Callbacks refused before they
/// reach an execution (bad token 403, bad body 400) are in ASP.NET Core's <c>http.server.request.duration</c>
/// under the route <c>/callback/{executionId}/{token}</c>.
/// </summary>
public sealed class ApiMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "JobManager.Api";

    /// <summary>Values of <see cref="TelemetryTags.CallbackOutcome"/>.</summary>
    public const string Applied = "applied", AlreadyFinished = "already_finished", NotFound = "not_found";

    private readonly Counter<long> _callbacks;
    private readonly Counter<long> _finished;
    private readonly Histogram<long> _duration;

    public ApiMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _callbacks = meter.CreateCounter<long>("jobmanager.callback.received", "{callback}",
            "Callbacks with a valid token and body, by kind (success, failure, heartbeat) and outcome");
        _finished = meter.CreateCounter<long>("jobmanager.execution.finished", "{execution}",
            "Executions a service ended by calling back: success, or failure with reason reported");
        _duration = meter.CreateHistogram<long>("jobmanager.execution.duration", "ms",
            "From an execution's webhook being sent to its final callback");
    }

    /// <summary>Counts one callback and, when it ended its execution, the execution and its duration.</summary>
    public void Callback(string kind, CallbackOutcome outcome)
    {
        var service = new KeyValuePair<string, object?>(TelemetryTags.Service, outcome.Subject?.Job.Service);
        var result = outcome switch
        {
            CallbackOutcome.Applied => Applied,
            CallbackOutcome.AlreadyFinished => AlreadyFinished,
            _ => NotFound,
        };
        _callbacks.Add(1, new KeyValuePair<string, object?>(TelemetryTags.CallbackKind, kind),
            new KeyValuePair<string, object?>(TelemetryTags.CallbackOutcome, result), service);

        if (outcome is not CallbackOutcome.Applied { Status: var status } applied || !ExecutionStatus.IsFinal(status))
        {
            return;
        }
        var statusTag = new KeyValuePair<string, object?>(TelemetryTags.Status, status);
        if (status == ExecutionStatus.Failure)
        {
            _finished.Add(1, service, statusTag, new KeyValuePair<string, object?>(TelemetryTags.Reason, FailureReason.Reported));
        }
        else
        {
            _finished.Add(1, service, statusTag);
        }
        // A callback that beat the webhook's own answer finds no send time yet: no duration to report.
        if (applied.Subject?.InvokedMs is { } invokedMs)
        {
            _duration.Record(Math.Max(0, applied.TimeMs - invokedMs), service, statusTag);
        }
    }
}
