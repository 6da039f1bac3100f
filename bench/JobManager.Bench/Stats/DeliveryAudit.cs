using JobManager.Bench.Receiver;

namespace JobManager.Bench.Stats;

/// <summary>
/// Compares the executions a load should produce with the webhooks that arrived.
/// Missed: an expected (job, instant) with no webhook. Doubled, two ways: the same execution id
/// delivered more than once (a redelivery), and one (job, instant) delivered under more than one
/// execution id (two executions created for one instant). Both must be 0.
/// </summary>
public sealed record DeliveryAudit(
    int Expected,
    int Delivered,
    int Missed,
    int DoubledByExecutionId,
    int DoubledByInstant,
    int Unexpected)
{
    public static DeliveryAudit Of(IReadOnlySet<(string Job, long InstantMs)> expected, IReadOnlyList<Arrival> arrivals)
    {
        var byInstant = new Dictionary<(string, long), HashSet<string>>();
        var seenIds = new HashSet<string>();
        int doubledIds = 0, unexpected = 0;
        foreach (var arrival in arrivals)
        {
            if (!seenIds.Add(arrival.ExecutionId))
            {
                doubledIds++;
            }
            var key = (arrival.Job, arrival.ScheduledMs);
            if (!expected.Contains(key))
            {
                unexpected++;
                continue;
            }
            if (!byInstant.TryGetValue(key, out var ids))
            {
                byInstant[key] = ids = [];
            }
            ids.Add(arrival.ExecutionId);
        }
        return new DeliveryAudit(
            Expected: expected.Count,
            Delivered: byInstant.Count,
            Missed: expected.Count - byInstant.Count,
            DoubledByExecutionId: doubledIds,
            DoubledByInstant: byInstant.Values.Count(ids => ids.Count > 1),
            Unexpected: unexpected);
    }
}
