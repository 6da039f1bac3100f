namespace JobManager.Api;

/// <summary>
/// The Api's log events (event ids 2000-2999). Never logs API keys, signing secrets or callback tokens: keys appear by their
/// public id, request paths through <see cref="Core.Callbacks.CallbackPath.Redact"/>.
/// </summary>
internal static partial class Log
{
    /// <summary>The category of the audit trail: who created or revoked keys and rotated secrets.</summary>
    public const string AuditCategory = "JobManager.Api.Audit";

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Redis unavailable during {Method} {Path}: {ExceptionType}")]
    public static partial void RedisUnavailable(ILogger logger, string method, string path, string exceptionType);

    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "API key {KeyId} created for service {Service} by key {Actor}")]
    public static partial void KeyCreated(ILogger logger, string keyId, string service, string? actor);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "API key {KeyId} of service {Service} revoked by key {Actor}")]
    public static partial void KeyRevoked(ILogger logger, string keyId, string service, string? actor);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information,
        Message = "Signing secret of service {Service} rotated by key {Actor}; the previous one signs until {PreviousValidUntil}")]
    public static partial void SigningSecretRotated(ILogger logger, string service, string? actor, DateTimeOffset? previousValidUntil);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Provisioned the configured API key of service {Service}")]
    public static partial void KeyProvisioned(ILogger logger, string service);
}
