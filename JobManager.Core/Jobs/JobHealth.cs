namespace JobManager.Core.Jobs;

/// <summary>
/// How a job's runs have gone, kept by the scripts that end executions: the last finished execution, the
/// last success's finish time and the failures since it (an <c>exclusive_conflict</c> counts; a skipped
/// instant does not).
/// </summary>
public sealed record JobHealth(LastExecution? LastExecution, long? LastSuccessMs, int ConsecutiveFailures)
{
    public const string Healthy = "healthy";
    public const string Failing = "failing";
    public const string Paused = "paused";

    /// <summary>The values of <c>health</c>, as the <c>?health=</c> filter takes them.</summary>
    public static readonly IReadOnlyList<string> Values = [Healthy, Failing, Paused];

    /// <summary>A job that has not finished a run yet.</summary>
    public static readonly JobHealth None = new(null, null, 0);

    /// <summary><c>paused</c> when disabled, else <c>failing</c> after a failure, else <c>healthy</c>.</summary>
    public string StatusFor(bool enabled) => !enabled ? Paused : ConsecutiveFailures > 0 ? Failing : Healthy;
}

/// <summary>A job's last finished execution, as its health shows it.</summary>
public sealed record LastExecution(string ExecutionId, string Status, string? Reason, long ScheduledMs, long FinishedMs);
