namespace JobManager.Core.Executions;

/// <summary>What started an execution.</summary>
public static class ExecutionTrigger
{
    public const string Schedule = "schedule";
    public const string Manual = "manual";
    public const string Backfill = "backfill";
}
