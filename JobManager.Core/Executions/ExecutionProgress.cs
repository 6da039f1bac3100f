namespace JobManager.Core.Executions;

/// <summary>
/// What the latest heartbeat of a running execution said: its state and summary (each null when that
/// heartbeat carried none) and when it arrived. Kept only while the execution runs.
/// </summary>
public sealed record ExecutionProgress(string? State, string? Summary, long LastHeartbeatAtMs);
