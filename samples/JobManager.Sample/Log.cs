namespace JobManager.Sample;

/// <summary>The sample's log events.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Saved job {Service}/{Job} with target {Target}; next run {Next}")]
    public static partial void JobSaved(ILogger logger, string service, string job, Uri target, DateTimeOffset? next);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Ran the job now: execution {ExecutionId}")]
    public static partial void RanNow(ILogger logger, string executionId);
}
