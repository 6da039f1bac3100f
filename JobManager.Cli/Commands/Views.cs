using System.Globalization;
using JobManager.Cli.Output;
using JobManager.Client.Resources;

namespace JobManager.Cli.Commands;

/// <summary>How each resource is shown as a table and as a single item.</summary>
internal static class Views
{
    public static string? Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static readonly Table<Job> Jobs = new(
        ("SERVICE", j => j.Service, 16),
        ("JOB", j => j.JobName, 24),
        ("SCHEDULE", j => j.Schedule, 26),
        ("ENABLED", j => j.Enabled ? "yes" : "no", 7),
        ("HEALTH", j => j.Health, 7),
        ("NEXT", j => Time(j.NextScheduledTime), 20),
        ("TARGET", j => j.InvocationTarget, 0));

    public static IEnumerable<(string, string?)> Job(Job j) =>
    [
        ("service", j.Service), ("job_name", j.JobName), ("schedule", j.Schedule), ("enabled", Bool(j.Enabled)),
        ("exclusive", Bool(j.Exclusive)), ("invocation_target", j.InvocationTarget), ("invocation_type", j.InvocationType),
        ("payload", j.Payload), ("ttl_seconds", Int(j.TtlSeconds)), ("catchup_window_seconds", Int(j.CatchupWindowSeconds)),
        ("timezone", j.Timezone), ("start_time", Time(j.StartTime)), ("end_time", Time(j.EndTime)),
        ("flexible_window_seconds", Int(j.FlexibleWindowSeconds)), ("paused_reason", j.PausedReason),
        ("pause_after_failures", Int(j.PauseAfterFailures)), ("health", j.Health), ("consecutive_failures", Int(j.ConsecutiveFailures)),
        ("last_execution", j.LastExecution is { } last ? $"{last.Status} {last.ExecutionId} at {Time(last.FinishedAt)}" : null),
        ("last_success_time", Time(j.LastSuccessTime)),
        ("next_scheduled_time", Time(j.NextScheduledTime)), ("created_at", Time(j.CreatedAt)), ("updated_at", Time(j.UpdatedAt)),
    ];

    public static readonly Table<Execution> Executions = new(
        ("EXECUTION", e => e.ExecutionId, 36),
        ("JOB", e => e.JobName, 20),
        ("SCHEDULED", e => Time(e.ScheduledTime), 20),
        ("STATUS", e => e.Status, 8),
        ("REASON", e => e.FailureReason, 18),
        ("SUMMARY", e => e.Summary, 0));

    public static IEnumerable<(string, string?)> Execution(Execution e) =>
    [
        ("execution_id", e.ExecutionId), ("service", e.Service), ("job_name", e.JobName), ("trigger", e.Trigger),
        ("scheduled_time", Time(e.ScheduledTime)), ("fire_time", Time(e.FireTime)), ("claimed_at", Time(e.ClaimedAt)),
        ("status", e.Status), ("failure_reason", e.FailureReason),
        ("error", e.Error), ("http_status", e.HttpStatus?.ToString(CultureInfo.InvariantCulture)),
        ("invocation_latency_ms", e.InvocationLatencyMs?.ToString(CultureInfo.InvariantCulture)),
        ("heartbeats", Int(e.Heartbeats)), ("last_heartbeat_at", Time(e.LastHeartbeatAt)), ("deadline", Time(e.Deadline)),
        ("progress_state", e.ProgressState), ("progress_summary", e.ProgressSummary), ("finished_at", Time(e.FinishedAt)),
        ("state", e.State), ("summary", e.Summary), ("correlation_id", e.CorrelationId), ("trace_id", e.TraceId),
        ("delivery_attempts", Int(e.DeliveryAttempts.Count)), ("missed_runs", Int(e.MissedRuns)), ("fencing_token", Int(e.FencingToken)),
    ];

    public static readonly Table<ServiceKeyInfo> Keys = new(("KEY ID", k => k.KeyId, 16), ("CREATED", k => Time(k.CreatedAt), 0));

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
