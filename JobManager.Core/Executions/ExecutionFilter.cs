namespace JobManager.Core.Executions;

/// <summary>What an execution listing keeps: a status and a scheduled-time window (inclusive, ms).</summary>
public sealed record ExecutionFilter(string? Status, long? FromMs, long? ToMs);
