namespace JobManager.AppHost.Redis;

/// <summary>The machine's own <c>redis-server</c>, run by the app host (<c>Redis:Mode=local</c>).</summary>
/// <param name="name">The resource name, which is also the connection string name.</param>
/// <param name="command">The full path of <c>redis-server</c>.</param>
/// <param name="dataDirectory">Where the append-only file lives; also the working directory.</param>
public sealed class LocalRedisResource(string name, string command, string dataDirectory)
    : RedisProcessResource(name, command, dataDirectory)
{
    /// <summary>Where the append-only file lives.</summary>
    public string DataDirectory { get; } = dataDirectory;
}
