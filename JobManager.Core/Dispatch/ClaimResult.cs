using JobManager.Core.Jobs;

namespace JobManager.Core.Dispatch;

/// <summary>What one claim or reclaim batch produced.</summary>
public sealed record ClaimResult(
    IReadOnlyList<Delivery> Deliveries,
    IReadOnlyList<RefillRequest> Refills,
    int Conflicts,
    int Missed,
    int Candidates)
{
    /// <summary>The job of each execution recorded as an <c>exclusive_conflict</c> failure (<see cref="Conflicts"/> of them).</summary>
    public IReadOnlyList<JobRef> ConflictedJobs { get; init; } = [];

    /// <summary>
    /// Instants this claim skipped, per job (<see cref="Missed"/> counts the jobs that fired nothing): each
    /// is counted once, here, and later shows in the <c>missed_runs</c> of the job's next execution.
    /// </summary>
    public IReadOnlyList<(JobRef Job, int Instants)> SkippedInstants { get; init; } = [];

    /// <summary>Executions claimed ahead of their instant, to arm then (<see cref="Reservation"/>).</summary>
    public IReadOnlyList<Reservation> Reservations { get; init; } = [];

    /// <summary>Reservations an arm found unwanted (job deleted, disabled or re-planned) and removed.</summary>
    public int Cancelled { get; init; }
}

/// <summary>A cron or at job whose queued instants run low; <see cref="TailMs"/> is the last one queued.</summary>
public sealed record RefillRequest(int Shard, JobRef Job, string Gen, long? TailMs);
