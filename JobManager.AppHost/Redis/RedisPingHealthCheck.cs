using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace JobManager.AppHost.Redis;

/// <summary>
/// Healthy once the server answers PING. A started process or an open port is not enough: redis-server
/// accepts connections while it still loads a large append-only file and answers LOADING until done, and
/// <c>WaitFor(redis)</c> must not let the services start into that.
/// </summary>
/// <param name="redis">The resource whose connection string to ping.</param>
internal sealed class RedisPingHealthCheck(IResourceWithConnectionString redis) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connectionString = await redis.GetConnectionStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(connectionString))
        {
            return HealthCheckResult.Unhealthy($"'{redis.Name}' has no connection string yet.");
        }

        var options = ConfigurationOptions.Parse(connectionString);
        // One quick attempt per check: Aspire re-runs an unhealthy check every second anyway.
        options.AbortOnConnectFail = true;
        options.ConnectRetry = 0;
        options.ConnectTimeout = 2_000;
        options.SyncTimeout = 2_000;
        options.AsyncTimeout = 2_000;

        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:F1} ms.");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The message, not the exception: the check fails every second while a server starts, and a stack
            // trace each time would bury the resource's log.
            return HealthCheckResult.Unhealthy($"PING to '{redis.Name}' failed: {exception.Message}");
        }
    }
}
