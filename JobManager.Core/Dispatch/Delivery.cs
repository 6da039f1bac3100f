using JobManager.Core.Jobs;

namespace JobManager.Core.Dispatch;

/// <summary>
/// A pending execution a dispatcher holds the lease on and must deliver: everything its webhook
/// needs, read in the same script that claimed it. <see cref="ClaimedAtMs"/> is the first claim's time
/// (kept across takeovers); <see cref="PastLastSuccessId"/> is set only while a takeover still has to
/// read the last success the first claim saw.
/// </summary>
public sealed record Delivery(
    int Shard,
    string ExecutionId,
    JobRef Job,
    long ScheduledMs,
    int Attempt,
    int MissedRuns,
    string InvocationTarget,
    string? Payload,
    string Schedule,
    int TtlSeconds,
    LastSuccess? LastSuccessfulExecution,
    long ClaimedAtMs,
    string? PastLastSuccessId = null) : ILeasedExecution
{
    /// <summary>The job's flexible-window offset of this instant (0 without a window).</summary>
    public long FireOffsetMs { get; init; }

    /// <summary>When the instant fires: its scheduled time plus the offset. Lateness is measured from here.</summary>
    public long FireMs => ScheduledMs + FireOffsetMs;
}

/// <summary>The job's last successful execution, as the webhook carries it.</summary>
public sealed record LastSuccess(string ExecutionId, long ScheduledMs, long? ServiceInvokedAtMs, string? State, string? Summary);
