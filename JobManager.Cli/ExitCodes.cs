namespace JobManager.Cli;

/// <summary>What <c>jm</c> exits with, for scripts (docs/cli.md lists them).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The Api refused the request (a 4xx other than those below, or a 5xx); its problem is printed.</summary>
    public const int ApiError = 1;
    /// <summary>Bad command line, missing <c>--url</c>/<c>--key</c>, or an invalid jobs file.</summary>
    public const int Usage = 2;
    /// <summary>The job, execution, key or service does not exist (404).</summary>
    public const int NotFound = 3;
    /// <summary>The key is missing, wrong or may not do this (401, 403).</summary>
    public const int Unauthorized = 4;
    /// <summary>The Api could not be reached.</summary>
    public const int Unreachable = 5;
    /// <summary><c>jm executions get --follow</c>: the execution finished as <c>failure</c>.</summary>
    public const int ExecutionFailed = 6;
}
