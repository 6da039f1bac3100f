namespace JobManager.Api.Contracts;

/// <summary>What a callback changed: the status now, and the new deadline (heartbeat) or finish time.</summary>
public sealed record CallbackResponse(
    string ExecutionId,
    string Status,
    DateTime? Deadline,
    long? DeadlineMs,
    DateTime? FinishedAt);
