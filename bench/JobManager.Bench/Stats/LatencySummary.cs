namespace JobManager.Bench.Stats;

/// <summary>Lateness of a set of webhooks (arrival − <c>scheduled_time_ms</c>), in milliseconds.</summary>
public sealed record LatencySummary(int Count, double Min, double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencySummary? Of(IEnumerable<double> latenessMs)
    {
        var sorted = latenessMs.Order().ToArray();
        return sorted.Length == 0
            ? null
            : new LatencySummary(sorted.Length, sorted[0], Percentiles.Of(sorted, 50), Percentiles.Of(sorted, 95),
                Percentiles.Of(sorted, 99), sorted[^1], sorted.Average());
    }
}
