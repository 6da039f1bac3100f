using System.Globalization;
using JobManager.Core.Jobs;
using StackExchange.Redis;

namespace JobManager.Core.Dispatch;

/// <summary>
/// Reads the entries claim_due, reclaim_pending and arm_reserved return (their headers list them) into a
/// <see cref="ClaimResult"/>. Every kind of entry has one layout whichever script made it.
/// </summary>
internal static class ClaimReply
{
    public static readonly ClaimResult Empty = new([], [], 0, 0, 0);

    public static ClaimResult Parse(int shard, RedisResult[] entries, int candidates)
    {
        var deliveries = new List<Delivery>();
        var refills = new List<RefillRequest>();
        var conflicted = new List<JobRef>();
        var skipped = new List<(JobRef, int)>();
        var reservations = new List<Reservation>();
        int missed = 0, cancelled = 0;
        foreach (var raw in entries)
        {
            var entry = (RedisResult[])raw!;
            switch ((string)entry[0]!)
            {
                case FireEntry.Tag:
                    var fire = FireEntry.Parse(shard, entry);
                    deliveries.Add(fire.Delivery);
                    AddSkipped(skipped, fire.Delivery.Job, fire.SkippedInstants);
                    break;
                // { 'reserved', id, member, scheduled_ms, attempt, missed, skipped, fire_ms }
                case "reserved":
                    var reservation = new Reservation(
                        shard, (string)entry[1]!, JobRef.FromWheelMember((string)entry[2]!), (long)entry[3], (int)entry[4])
                    {
                        ArmAtMs = entry.Length > 7 ? (long)entry[7] : (long)entry[3],
                    };
                    reservations.Add(reservation);
                    AddSkipped(skipped, reservation.Job, (int)entry[6]);
                    break;
                // { 'cancelled', id, member }
                case "cancelled":
                    cancelled++;
                    break;
                // { 'refill', member, gen, tail_ms|'' }
                case "refill":
                    refills.Add(new RefillRequest(shard, JobRef.FromWheelMember((string)entry[1]!), (string)entry[2]!,
                        long.TryParse((string?)entry[3], CultureInfo.InvariantCulture, out var tail) ? tail : null));
                    break;
                // { 'conflict', id, member, scheduled_ms, skipped }
                case "conflict":
                    var job = JobRef.FromWheelMember((string)entry[2]!);
                    conflicted.Add(job);
                    AddSkipped(skipped, job, (int)entry[4]);
                    break;
                // { 'missed', member, count, skipped }
                case "missed":
                    missed++;
                    AddSkipped(skipped, JobRef.FromWheelMember((string)entry[1]!), (int)entry[3]);
                    break;
            }
        }
        return new ClaimResult(deliveries, refills, conflicted.Count, missed, candidates)
        {
            ConflictedJobs = conflicted,
            SkippedInstants = skipped,
            Reservations = reservations,
            Cancelled = cancelled,
        };
    }

    private static void AddSkipped(List<(JobRef, int)> skipped, JobRef job, int count)
    {
        if (count > 0)
        {
            skipped.Add((job, count));
        }
    }
}
