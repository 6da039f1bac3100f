using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Spans nobody reads are not made. With an exporter (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) the services trace
/// every request, callback, delivery and Redis command as the service defaults set up. Without one those
/// spans went nowhere, yet were a large share of the Api's CPU per PUT (docs/benchmarks.md): a sampled request
/// span, and Aspire's Redis instrumentation profiling every command and turning each into a span of its own. So the Api then
/// samples nothing, and both services leave Redis commands unprofiled. (The dispatcher keeps sampling its
/// dispatch spans: their context is the webhook's <c>traceparent</c>, whose sampled flag a service's
/// parent-based sampler follows.) Metrics and logs are unchanged.
/// </summary>
public static class UnexportedTracing
{
    /// <summary>
    /// Aspire's Redis client, tracing its commands only when they are exported, with a health check that
    /// works on a Redis Cluster too (<see cref="RedisPingHealthCheck"/>).
    /// </summary>
    public static IHostApplicationBuilder AddRedisClientTracedWhenExported(this IHostApplicationBuilder builder, string connectionName)
    {
        builder.AddRedisClient(connectionName, settings =>
        {
            settings.DisableTracing |= !builder.HasTelemetryExporter();
            settings.DisableHealthChecks = true;
        });
        builder.Services.AddHealthChecks().AddCheck<RedisPingHealthCheck>("redis");
        return builder;
    }

    /// <summary>Samples no span unless an exporter is configured.</summary>
    public static IHostApplicationBuilder SampleNothingWithoutExporter(this IHostApplicationBuilder builder)
    {
        if (!builder.HasTelemetryExporter())
        {
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.SetSampler(new AlwaysOffSampler()));
        }
        return builder;
    }
}
