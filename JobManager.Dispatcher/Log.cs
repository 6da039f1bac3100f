using JobManager.Core.Jobs;

namespace JobManager.Dispatcher;

/// <summary>
/// The dispatcher's log events (event ids 3000-3999). Never logs callback tokens, URLs that carry them, or
/// signing secrets.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Dispatcher started: {Shards} shards, lease {LeaseSeconds} s, up to {MaxConcurrent} webhooks in flight")]
    public static partial void Started(ILogger logger, int shards, int leaseSeconds, int maxConcurrent);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Redis unavailable ({ExceptionType}); retrying in {DelayMs} ms")]
    public static partial void RedisUnavailable(ILogger logger, string exceptionType, long delayMs);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Dispatch loop error; retrying in {DelayMs} ms")]
    public static partial void LoopError(ILogger logger, Exception exception, long delayMs);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Debug,
        Message = "Webhook accepted for {Job} execution {ExecutionId} (attempt {Attempt}): HTTP {Status}")]
    public static partial void WebhookAccepted(ILogger logger, JobRef job, string executionId, int attempt, int status);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning,
        Message = "Webhook failed for {Job} execution {ExecutionId} (attempt {Attempt}): {Error}")]
    public static partial void WebhookFailed(ILogger logger, JobRef job, string executionId, int attempt, string error);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information,
        Message = "Result of {Job} execution {ExecutionId} attempt {Attempt} not recorded: another dispatcher took it over")]
    public static partial void DeliveryStale(ILogger logger, JobRef job, string executionId, int attempt);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Error,
        Message = "Could not record the webhook result of {Job} execution {ExecutionId}; its lease will expire and another dispatcher "
            + "will retry")]
    public static partial void RecordFailed(ILogger logger, Exception exception, JobRef job, string executionId);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Error,
        Message = "Could not read the signing secret for {Job} execution {ExecutionId}; not sent unsigned, its lease will expire and "
            + "another attempt will sign it")]
    public static partial void SigningSecretUnavailable(ILogger logger, Exception exception, JobRef job, string executionId);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Warning,
        Message = "Job {Job} has a schedule that no longer parses ({Error}); it is left without upcoming instants")]
    public static partial void UnparsableSchedule(ILogger logger, JobRef job, string error);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information,
        Message = "Job {Job}: {Missed} instants missed (all dispatchers were down or behind); counted, not fired")]
    public static partial void MissedInstants(ILogger logger, JobRef job, int missed);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Information,
        Message = "Stopping: waiting up to {Seconds} s for {InFlight} webhooks in flight")]
    public static partial void Draining(ILogger logger, int seconds, int inFlight);

    [LoggerMessage(EventId = 3040, Level = LogLevel.Information, Message = "Retention: removed {Removed} executions from shard {Shard}")]
    public static partial void RetentionSwept(ILogger logger, int shard, long removed);

    [LoggerMessage(EventId = 3041, Level = LogLevel.Warning, Message = "Retention sweep skipped: Redis unavailable ({ExceptionType})")]
    public static partial void RetentionSkipped(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 3050, Level = LogLevel.Warning,
        Message = "Could not renew {Count} delivery leases ({ExceptionType}); they may be taken over")]
    public static partial void LeasesNotRenewed(ILogger logger, int count, string exceptionType);
}
