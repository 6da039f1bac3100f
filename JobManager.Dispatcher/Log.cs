using JobManager.Core.Jobs;

namespace JobManager.Dispatcher;

/// <summary>The dispatcher's log events. Never logs callback tokens, URLs that carry them, or signing secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Dispatcher started: {Shards} shards, lease {LeaseSeconds} s, up to {MaxConcurrent} webhooks in flight")]
    public static partial void Started(ILogger logger, int shards, int leaseSeconds, int maxConcurrent);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Redis unavailable ({ExceptionType}); retrying in {DelayMs} ms")]
    public static partial void RedisUnavailable(ILogger logger, string exceptionType, long delayMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Dispatch loop error; retrying in {DelayMs} ms")]
    public static partial void LoopError(ILogger logger, Exception exception, long delayMs);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Webhook accepted for {Job} execution {ExecutionId} (attempt {Attempt}): HTTP {Status}")]
    public static partial void WebhookAccepted(ILogger logger, JobRef job, string executionId, int attempt, int status);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Webhook failed for {Job} execution {ExecutionId} (attempt {Attempt}): {Error}")]
    public static partial void WebhookFailed(ILogger logger, JobRef job, string executionId, int attempt, string error);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Result of {Job} execution {ExecutionId} attempt {Attempt} not recorded: another dispatcher took it over")]
    public static partial void DeliveryStale(ILogger logger, JobRef job, string executionId, int attempt);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "Could not record the webhook result of {Job} execution {ExecutionId}; its lease will expire and another dispatcher will retry")]
    public static partial void RecordFailed(ILogger logger, Exception exception, JobRef job, string executionId);

    [LoggerMessage(EventId = 14, Level = LogLevel.Error, Message = "Could not read the signing secret for {Job} execution {ExecutionId}; not sent unsigned, its lease will expire and another attempt will sign it")]
    public static partial void SigningSecretUnavailable(ILogger logger, Exception exception, JobRef job, string executionId);

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Job {Job} has a schedule that no longer parses ({Error}); it is left without upcoming instants")]
    public static partial void UnparsableSchedule(ILogger logger, JobRef job, string error);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Job {Job}: {Missed} instants missed (all dispatchers were down or behind); counted, not fired")]
    public static partial void MissedInstants(ILogger logger, JobRef job, int missed);

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Stopping: waiting up to {Seconds} s for {InFlight} webhooks in flight")]
    public static partial void Draining(ILogger logger, int seconds, int inFlight);
}
