using Microsoft.Extensions.Logging;

namespace JobManager.Core;

/// <summary>
/// Core's log events (event ids 1000-1999; the Api has 2000-2999, the dispatcher 3000-3999, the app host
/// 4000-4999, the embedded Redis 5000-5999): the start-up checks of the Redis a deployment runs on.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Critical,
            Message = "JobManager:Shards is {Configured} but this Redis holds a deployment created with {Recorded} shards; stopping. "
                + "Set JobManager:Shards to {Recorded}.")]
    public static partial void ShardMismatch(ILogger logger, int configured, int recorded);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning,
            Message = "Redis {Endpoint} has maxmemory-policy {Policy}: when memory runs out it deletes keys, and jobs, leases or "
                + "executions vanish without an error. Set maxmemory-policy noeviction.")]
    public static partial void MayEvict(ILogger logger, string endpoint, string policy);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning,
            Message = "Redis {Endpoint} persists nothing (appendonly no, save \"\"): a restart loses every job and execution. Set "
                + "appendonly yes with appendfsync everysec.")]
    public static partial void PersistsNothing(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information,
            Message = "Redis {Endpoint} persists with RDB snapshots only (save {Save}): a crash loses the writes since the last "
                + "snapshot. appendonly yes with appendfsync everysec loses at most about a second.")]
    public static partial void SnapshotsOnly(ILogger logger, string endpoint, string save);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information,
        Message = "Redis {Endpoint} keeps JobManager's data: maxmemory-policy {Policy}, appendonly {AppendOnly}")]
    public static partial void Durable(ILogger logger, string endpoint, string policy, string appendOnly);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Information,
            Message = "Redis {Endpoint} does not report maxmemory-policy (Garnet does not); make sure it never evicts keys when memory "
                + "runs out")]
    public static partial void PolicyUnreported(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Information,
            Message = "Could not check the eviction and persistence settings of Redis {Endpoint} ({Reason}); managed services often "
                + "refuse CONFIG. Make sure it runs with maxmemory-policy noeviction and persistence on.")]
    public static partial void NotChecked(ILogger logger, string endpoint, string reason);
}
