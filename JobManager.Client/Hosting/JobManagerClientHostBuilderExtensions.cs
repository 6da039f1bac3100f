using JobManager.Client;
using JobManager.Client.Hosting;
using JobManager.Client.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>Aspire-style registration, like <c>AddRedisClient</c>: the connection comes from <c>ConnectionStrings</c>.</summary>
public static class JobManagerClientHostBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="IJobManagerClient"/> from <c>ConnectionStrings:{connectionName}</c>
    /// (<c>Endpoint=https://...;Key=jm_...;Service=...</c>), with a health check named
    /// <paramref name="connectionName"/> and the client's traces (<see cref="JobManagerClientTelemetry.ActivitySourceName"/>).
    /// <paramref name="configure"/> runs after the connection string is applied.
    /// </summary>
    public static IHttpClientBuilder AddJobManagerClient(
        this IHostApplicationBuilder builder, string connectionName, Action<JobManagerClientOptions>? configure = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        void Apply(JobManagerClientOptions options)
        {
            if (!string.IsNullOrEmpty(connectionString))
            {
                JobManagerConnectionString.ApplyTo(connectionString, options);
            }
            configure?.Invoke(options);
        }

        var settings = new JobManagerClientOptions();
        Apply(settings);
        var http = builder.Services.AddJobManagerClient(Apply);
        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().AddCheck<JobManagerHealthCheck>(connectionName);
        }
        if (!settings.DisableTracing)
        {
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(JobManagerClientTelemetry.ActivitySourceName));
        }
        return http;
    }
}
