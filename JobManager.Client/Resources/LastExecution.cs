namespace JobManager.Client.Resources;

/// <summary>A job's last finished execution (<c>last_execution</c> on the job).</summary>
public sealed record LastExecution(
    string ExecutionId, string Status, string? Reason, DateTimeOffset ScheduledTime, DateTimeOffset FinishedAt);
