using JobManager.Shared;

namespace JobManager.AppHost.Redis;

/// <summary>What every Redis that the app host runs as a process shares: endpoint, icon, health check.</summary>
internal static class RedisProcessExtensions
{
    /// <summary>
    /// Adds the resource with a TCP endpoint on a free loopback port and a PING health check. The port is
    /// chosen now and not proxied: clients reach the server directly (no extra hop on every command), and a
    /// restart from the dashboard keeps the port the services already know.
    /// </summary>
    public static IResourceBuilder<T> AddRedisProcess<T>(this IDistributedApplicationBuilder builder, T resource)
        where T : RedisProcessResource
    {
        var port = FreePort.Next();
        return builder.AddResource(resource)
            .WithEndpoint(port: port, targetPort: port, scheme: "redis", name: RedisProcessResource.PrimaryEndpointName, isProxied: false)
            .WithIconName("Database")
            .WithRedisPingHealthCheck();
    }
}
