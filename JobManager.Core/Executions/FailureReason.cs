namespace JobManager.Core.Executions;

/// <summary>Why an execution failed.</summary>
public static class FailureReason
{
    /// <summary>No final callback arrived before the deadline.</summary>
    public const string Timeout = "timeout";
    /// <summary>The webhook was not accepted: non-2xx, connection error or timeout.</summary>
    public const string InvocationFailed = "invocation_failed";
    /// <summary>An exclusive job's previous execution was still pending or running; no webhook was sent.</summary>
    public const string ExclusiveConflict = "exclusive_conflict";
    /// <summary>The service called back with <c>failure</c>.</summary>
    public const string Reported = "reported";
}
