using System.ComponentModel.DataAnnotations;

namespace JobManager.Dispatcher.Configuration;

/// <summary>How a dispatcher claims and paces work. Bound from <c>JobManager:Dispatcher</c>.</summary>
public sealed class DispatcherOptions
{
    public const string SectionName = "JobManager:Dispatcher";

    /// <summary>
    /// How long a claimed execution stays with its dispatcher before another may take it over. A live
    /// dispatcher renews the leases of its deliveries every third of this, so a slow service or a
    /// retry never loses its lease; a dead or frozen one is overtaken within this (plus a second).
    /// </summary>
    [Range(3, 3600)]
    public int LeaseSeconds { get; set; } = 15;

    /// <summary>Due jobs claimed per script call.</summary>
    [Range(1, 1000)]
    public int ClaimBatchSize { get; set; } = 200;

    /// <summary>Webhooks in flight at once from one dispatcher; claiming pauses while all are busy.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentDeliveries { get; set; } = 256;

    /// <summary>
    /// An instant this late whose successor is also due counts as missed instead of firing: the
    /// difference between a busy moment (every instant still fires) and an outage (no flood).
    /// </summary>
    [Range(1, 3600)]
    public int MissedRunGraceSeconds { get; set; } = 10;

    /// <summary>
    /// How long before its instant a due job is claimed (fire-ahead): the Redis work of a burst is done
    /// before it, and at the instant only the arming (one script per shard and batch) and the webhooks
    /// remain. The execution shows as pending from then; whether it fires, and with what, is decided at
    /// the instant. 0 claims only what is already due. Instants are whole seconds, so a whole number of
    /// seconds would claim the next second's jobs at the very moment this second's webhooks go out; 1.5 s
    /// claims them half-way between two instants, which lowered steady-load lateness (docs/benchmarks.md).
    /// </summary>
    [Range(0, 10_000)]
    public int ClaimAheadMilliseconds { get; set; } = 1500;

    /// <summary>Reservations (claimed ahead, not yet armed) one dispatcher holds at most.</summary>
    [Range(1, 1_000_000)]
    public int MaxReservations { get; set; } = 50_000;

    /// <summary>Longest sleep with nothing known to be due; pub/sub wakes the dispatcher sooner.</summary>
    [Range(1, 300)]
    public int MaxIdleSeconds { get; set; } = 10;
}
