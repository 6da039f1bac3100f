using JobManager.Core.Jobs;

namespace JobManager.Core.Dispatch;

/// <summary>
/// A pending execution a dispatcher holds the lease on and must deliver: everything its webhook
/// needs, read in the same script that claimed it.
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
    long ClaimedAtMs);

/// <summary>The job's last successful execution, as the webhook carries it.</summary>
public sealed record LastSuccess(string ExecutionId, long ScheduledMs, long? ServiceInvokedAtMs, string? State, string? Summary);
