using JobManager.Core.Dispatch;
using JobManager.Core.Telemetry;

namespace JobManager.Dispatcher.Telemetry;

/// <summary>
/// The log scope of one delivery: every line logged while it runs, the HTTP client's included, carries the
/// service, job, execution id and attempt as separate attributes (the service defaults include scopes), so
/// the dashboard can filter a service's or an execution's logs. Never the callback URL: it holds the token.
/// </summary>
public static class ExecutionLogScope
{
    public static IReadOnlyList<KeyValuePair<string, object?>> Of(Delivery delivery) =>
    [
        new(TelemetryTags.Service, delivery.Job.Service),
        new(TelemetryTags.Job, delivery.Job.Job),
        new(TelemetryTags.ExecutionId, delivery.ExecutionId),
        new(TelemetryTags.Attempt, delivery.Attempt),
    ];
}
