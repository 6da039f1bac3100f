namespace JobManager.Bench.Stats;

/// <summary>Nearest-rank percentiles: p99 of 1,000 values is the 990th smallest, an observed value.</summary>
public static class Percentiles
{
    /// <summary>The <paramref name="percent"/>th percentile of <paramref name="sorted"/> (ascending, not empty).</summary>
    public static double Of(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
