namespace JobManager.Bench.Reports;

/// <summary>How a figure compares with the target.</summary>
public enum Verdict
{
    /// <summary>No target: recorded for context.</summary>
    Info,
    Met,
    Missed,
    /// <summary>The figure could not be measured (e.g. no Redis endpoint for a live system).</summary>
    NotMeasured,
}

/// <summary>One line of a scenario's summary: a figure, its unit, the target it is held to, and the verdict.</summary>
public sealed record Metric(string Name, double? Value, string Unit, string Target, Verdict Verdict)
{
    public static Metric Info(string name, double? value, string unit) => new(name, value, unit, "", value is null ? Verdict.NotMeasured : Verdict.Info);

    /// <summary>A figure that must be at most <paramref name="limit"/>.</summary>
    public static Metric AtMost(string name, double? value, string unit, double limit, string target) =>
        new(name, value, unit, target, value is null ? Verdict.NotMeasured : value <= limit ? Verdict.Met : Verdict.Missed);

    /// <summary>A figure that must be at least <paramref name="limit"/>.</summary>
    public static Metric AtLeast(string name, double? value, string unit, double limit, string target) =>
        new(name, value, unit, target, value is null ? Verdict.NotMeasured : value >= limit ? Verdict.Met : Verdict.Missed);
}
