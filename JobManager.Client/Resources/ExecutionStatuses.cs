namespace JobManager.Client.Resources;

/// <summary>The statuses an execution goes through.</summary>
public static class ExecutionStatuses
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Success = "success";
    public const string Failure = "failure";
}
