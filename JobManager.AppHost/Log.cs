using Microsoft.Extensions.Logging;

namespace JobManager.AppHost;

/// <summary>The app host's own log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Redis for JobManager: {Mode} ({Reason}). Set Redis:Mode to choose another.")]
    public static partial void RedisModeChosen(ILogger logger, string mode, string reason);
}
