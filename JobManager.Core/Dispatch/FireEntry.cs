using JobManager.Core.Jobs;
using StackExchange.Redis;

namespace JobManager.Core.Dispatch;

/// <summary>
/// A <c>fire</c> entry of claim_due, reclaim_pending or arm_reserved: one delivery to start, laid out by
/// the one Lua helper those scripts share (fire_entry.lua) and read here, in one place, by name.
/// </summary>
/// <param name="Delivery">The delivery, with everything its webhook needs.</param>
/// <param name="SkippedInstants">The instants the claim newly counted as missed (0 but for claim_due).</param>
internal sealed record FireEntry(Delivery Delivery, int SkippedInstants)
{
    // Positions in the entry, as fire_entry.lua lays them out; 0 holds the tag 'fire'.
    private const int Id = 1;
    private const int Member = 2;
    private const int ScheduledMs = 3;
    private const int Attempt = 4;
    private const int Missed = 5;
    private const int Target = 6;
    private const int Payload = 7;
    private const int Schedule = 8;
    private const int TtlSeconds = 9;
    private const int LastOkId = 10;
    private const int LastOkScheduledMs = 11;
    private const int LastOkInvokedMs = 12;
    private const int LastOkState = 13;
    private const int LastOkSummary = 14;
    private const int ClaimedMs = 15;
    private const int PastLastOkId = 16;
    private const int Skipped = 17;
    private const int FireOffsetMs = 18;

    /// <summary>The tag of such an entry.</summary>
    public const string Tag = "fire";

    public static FireEntry Parse(int shard, RedisResult[] entry)
    {
        var lastOkId = (string?)entry[LastOkId];
        var delivery = new Delivery(
            Shard: shard,
            ExecutionId: (string)entry[Id]!,
            Job: JobRef.FromWheelMember((string)entry[Member]!),
            ScheduledMs: (long)entry[ScheduledMs],
            Attempt: (int)entry[Attempt],
            MissedRuns: (int)entry[Missed],
            InvocationTarget: (string)entry[Target]!,
            Payload: (string?)entry[Payload],
            Schedule: (string)entry[Schedule]!,
            TtlSeconds: (int)entry[TtlSeconds],
            LastSuccessfulExecution: lastOkId is null ? null : new LastSuccess(
                lastOkId,
                (long)entry[LastOkScheduledMs],
                entry[LastOkInvokedMs].IsNull ? null : (long)entry[LastOkInvokedMs],
                (string?)entry[LastOkState],
                (string?)entry[LastOkSummary]),
            ClaimedAtMs: (long)entry[ClaimedMs],
            PastLastSuccessId: (string?)entry[PastLastOkId])
        {
            FireOffsetMs = (long)entry[FireOffsetMs],
        };
        return new FireEntry(delivery, (int)entry[Skipped]);
    }
}
