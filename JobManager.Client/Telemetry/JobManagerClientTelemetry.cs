using System.Diagnostics;

namespace JobManager.Client.Telemetry;

/// <summary>
/// One client span per Api call, named for the operation (<c>JobManager PutJob</c>), parent of the HTTP span.
/// <c>AddJobManagerClient</c> on a host builder registers the source with OpenTelemetry.
/// </summary>
public static class JobManagerClientTelemetry
{
    public const string ActivitySourceName = "JobManager.Client";

    private static readonly ActivitySource Source = new(ActivitySourceName,
        typeof(JobManagerClientTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Paths are not tagged: a callback's carries its token.</summary>
    internal static Activity? StartCall(string operation, HttpMethod method)
    {
        var activity = Source.StartActivity($"JobManager {operation}", ActivityKind.Client);
        activity?.SetTag("jobmanager.operation", operation);
        activity?.SetTag("http.request.method", method.Method);
        return activity;
    }

    /// <summary>The background run of a received webhook: from accepting it to the final callback.</summary>
    internal static Activity? StartJobRun(string service, string job, string executionId)
    {
        var activity = Source.StartActivity($"JobManager run {job}", ActivityKind.Internal);
        activity?.SetTag("jobmanager.service", service);
        activity?.SetTag("jobmanager.job", job);
        activity?.SetTag("jobmanager.execution_id", executionId);
        return activity;
    }
}
