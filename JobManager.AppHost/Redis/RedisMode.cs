namespace JobManager.AppHost.Redis;

/// <summary>Where the Redis that JobManager's services share comes from; set with <c>Redis:Mode</c>.</summary>
public enum RedisMode
{
    /// <summary>
    /// The default: <see cref="Container"/> when a Docker daemon answers, else <see cref="Local"/> when
    /// <c>redis-server</c> is on PATH, else <see cref="Embedded"/>.
    /// </summary>
    Auto,

    /// <summary>Aspire's Redis container with a data volume. Needs a running Docker daemon.</summary>
    Container,

    /// <summary>The <c>redis-server</c> found on PATH, started by the app host on a free port.</summary>
    Local,

    /// <summary>A server the app host does not start, named by <c>ConnectionStrings:redis</c>.</summary>
    External,

    /// <summary>
    /// JobManager.DevRedis: Microsoft Garnet in a small .NET program, started by the app host on a free port.
    /// Needs nothing but the .NET SDK; the last resort of <see cref="Auto"/>.
    /// </summary>
    Embedded,
}
