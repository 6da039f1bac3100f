namespace JobManager.Core.Dispatch;

/// <summary>
/// How much work the store holds across all shards at one moment, for the dispatcher's gauges.
/// </summary>
/// <param name="Due">Jobs on the time wheel whose instant has come and that no dispatcher has claimed yet.</param>
/// <param name="Scheduled">Jobs on the time wheel: enabled, with an instant to come (or due now).</param>
/// <param name="Pending">Executions claimed whose webhook has not been answered yet.</param>
/// <param name="Running">Executions whose webhook was accepted, waiting for a final callback.</param>
public sealed record WorkCounts(long Due, long Scheduled, long Pending, long Running);
