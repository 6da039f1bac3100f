using Microsoft.Extensions.Logging;

namespace JobManager.AppHost;

/// <summary>The app host's own log messages (event ids 4000-4999).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information,
        Message = "Redis for JobManager: {Mode} ({Reason}). Set Redis:Mode to choose another.")]
    public static partial void RedisModeChosen(ILogger logger, string mode, string reason);
}
