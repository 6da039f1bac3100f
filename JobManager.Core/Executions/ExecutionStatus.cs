namespace JobManager.Core.Executions;

/// <summary>
/// The states of an execution: <c>pending</c> (claimed, webhook not yet accepted), <c>running</c>
/// (accepted, waiting for a final callback before its deadline), then <c>success</c> or <c>failure</c>.
/// </summary>
public static class ExecutionStatus
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Success = "success";
    public const string Failure = "failure";

    public static readonly IReadOnlyList<string> All = [Pending, Running, Success, Failure];

    public static bool IsFinal(string status) => status is Success or Failure;
}
