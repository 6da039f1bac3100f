namespace JobManager.Core.Dispatch;

/// <summary>
/// The earliest moment (Redis time, ms) anything in one shard needs a dispatcher: a due job, an
/// expired lease, or a deadline. Null parts mean nothing of that kind is scheduled.
/// </summary>
public sealed record WorkHorizon(long NowMs, long? NextDueMs, long? NextLeaseMs, long? NextDeadlineMs)
{
    public long? Earliest => new[] { NextDueMs, NextLeaseMs, NextDeadlineMs }.Where(v => v.HasValue).Min();
}
