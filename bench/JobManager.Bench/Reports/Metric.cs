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

/// <summary>
/// One line of a scenario's summary: a figure, its unit, the target it is held to, and the verdict.
/// <see cref="Limit"/> is the target's number (null for a figure without one); <see cref="LimitIsMaximum"/>
/// says whether the figure must stay at or under it, or reach it.
/// </summary>
public sealed record Metric(string Name, double? Value, string Unit, string Target, Verdict Verdict, double? Limit = null,
    bool LimitIsMaximum = false)
{
    public static Metric Info(string name, double? value, string unit) =>
        new(name, value, unit, "", value is null ? Verdict.NotMeasured : Verdict.Info);

    /// <summary>A figure that must be at most <paramref name="limit"/>.</summary>
    public static Metric AtMost(string name, double? value, string unit, double limit, string target) =>
        new Metric(name, value, unit, target, Verdict.Info, limit, LimitIsMaximum: true).Judged(value);

    /// <summary>A figure that must be at least <paramref name="limit"/>.</summary>
    public static Metric AtLeast(string name, double? value, string unit, double limit, string target) =>
        new Metric(name, value, unit, target, Verdict.Info, limit, LimitIsMaximum: false).Judged(value);

    /// <summary>This figure with another value (a median of runs, say), judged against the same target.</summary>
    public Metric Judged(double? value) => this with
    {
        Value = value,
        Verdict = value is null || double.IsNaN(value.Value) ? Verdict.NotMeasured
            : Limit is not { } limit ? Verdict.Info
            : (LimitIsMaximum ? value <= limit : value >= limit) ? Verdict.Met : Verdict.Missed,
    };
}
