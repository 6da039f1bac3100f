using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Redis is healthy when every primary the client knows answers PING. It replaces the Redis client
/// integration's own check, which on a Redis Cluster sends <c>CLUSTER INFO</c>: StackExchange.Redis refuses
/// that admin command on a connection without <c>allowAdmin</c>, so the services stayed unhealthy on a
/// cluster whose connection string did not grant admin rights they otherwise never need.
/// </summary>
public sealed class RedisPingHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var primaries = redis.GetServers().Where(server => !server.IsReplica).ToList();
        if (primaries.Count == 0)
        {
            return HealthCheckResult.Unhealthy("No Redis primary is known.");
        }
        try
        {
            await Task.WhenAll(primaries.Select(server => server.PingAsync())).WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("A Redis primary did not answer PING.", ex);
        }
    }
}
