using Microsoft.Extensions.Logging;

namespace JobManager.DevRedis;

/// <summary>The development store's own log messages (event ids 5000-5999; Garnet logs under its own categories).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Garnet listening on 127.0.0.1:{Port}, data in {DataDirectory}")]
    public static partial void Listening(ILogger logger, int port, string dataDirectory);
}
