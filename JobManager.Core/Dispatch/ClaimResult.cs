using JobManager.Core.Jobs;

namespace JobManager.Core.Dispatch;

/// <summary>What one claim or reclaim batch produced.</summary>
public sealed record ClaimResult(
    IReadOnlyList<Delivery> Deliveries,
    IReadOnlyList<RefillRequest> Refills,
    int Conflicts,
    int Missed,
    int Candidates);

/// <summary>A cron or at job whose queued instants run low; <see cref="TailMs"/> is the last one queued.</summary>
public sealed record RefillRequest(int Shard, JobRef Job, string Gen, long? TailMs);
