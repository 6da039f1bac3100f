using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobManager.AppHost.Redis;

/// <summary>Attaches a <see cref="RedisPingHealthCheck"/> to a resource, so <c>WaitFor</c> waits for PING.</summary>
internal static class RedisPingHealthCheckExtensions
{
    /// <summary>Registers the check under <c>{name}_ping</c> in the app host and marks the resource with it.</summary>
    public static IResourceBuilder<T> WithRedisPingHealthCheck<T>(this IResourceBuilder<T> builder)
        where T : IResourceWithConnectionString
    {
        var key = $"{builder.Resource.Name}_ping";
        var resource = builder.Resource;
        builder.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(key, _ => new RedisPingHealthCheck(resource), failureStatus: null, tags: null));
        return builder.WithHealthCheck(key);
    }
}
