using JobManager.Core.Jobs;

namespace JobManager.Core.Dispatch;

/// <summary>
/// An execution claimed ahead of its instant (fire-ahead): it exists and is leased to this
/// dispatcher, but whether and what to send is decided when it is armed at <see cref="ScheduledMs"/>.
/// </summary>
public sealed record Reservation(int Shard, string ExecutionId, JobRef Job, long ScheduledMs, int Attempt) : ILeasedExecution
{
    /// <summary>When to arm it: the instant plus the job's flexible-window offset (the instant itself without one).</summary>
    public long ArmAtMs { get; init; } = ScheduledMs;
}
