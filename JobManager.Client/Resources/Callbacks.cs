namespace JobManager.Client.Resources;

/// <summary>
/// A callback's body: <c>{"status", "state"?, "summary"?, "correlation_id"?, "extend_seconds"?}</c>. On a heartbeat,
/// state and summary show on the running execution as <c>progress_state</c> and <c>progress_summary</c>.
/// </summary>
public sealed record CallbackReport(
    string Status, string? State = null, string? Summary = null, string? CorrelationId = null, int? ExtendSeconds = null)
{
    public const string Heartbeat = "heartbeat";
}

/// <summary>What a callback changed: the status now, and the new deadline (heartbeat) or the finish time.</summary>
public sealed record CallbackResult(
    string ExecutionId, string Status, DateTimeOffset? Deadline, long? DeadlineMs, DateTimeOffset? FinishedAt);
