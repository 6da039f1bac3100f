namespace JobManager.Bench.Options;

/// <summary>What to measure. <see cref="All"/> runs the four in order, each on a fresh system when self-hosting.</summary>
public enum ScenarioName
{
    Burst,
    Steady,
    Ceiling,
    Cost,
    All,
}
