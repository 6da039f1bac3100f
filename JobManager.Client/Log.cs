using Microsoft.Extensions.Logging;

namespace JobManager.Client;

/// <summary>The library's log messages, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Refused a webhook at {Path}: its signature does not verify or is stale")]
    public static partial void SignatureRefused(ILogger logger, string path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Execution {ExecutionId} is already running here; the redelivered webhook starts nothing")]
    public static partial void AlreadyRunning(ILogger logger, string executionId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The handler of execution {ExecutionId} failed; reporting a failure")]
    public static partial void HandlerFailed(ILogger logger, string executionId, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Execution {ExecutionId} reported {Status}")]
    public static partial void Reported(ILogger logger, string executionId, string status);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning,
        Message = "Execution {ExecutionId} ended without this run's callback ({StatusCode}: {Problem}); the handler is cancelled")]
    public static partial void ExecutionEndedElsewhere(ILogger logger, string executionId, int statusCode, string problem);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "A heartbeat of execution {ExecutionId} failed; retrying")]
    public static partial void HeartbeatFailed(ILogger logger, string executionId, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error,
        Message = "The Api refused the final callback of execution {ExecutionId} ({Problem}); reporting a failure instead")]
    public static partial void CallbackRefused(ILogger logger, string executionId, string problem);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "The run of execution {ExecutionId} could not report its outcome")]
    public static partial void RunFailed(ILogger logger, string executionId, Exception exception);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information,
        Message = "Rotated the signing secret of service {Service}; the previous one signs until {PreviousValidUntil}")]
    public static partial void SigningSecretRotated(ILogger logger, string service, DateTimeOffset? previousValidUntil);
}
