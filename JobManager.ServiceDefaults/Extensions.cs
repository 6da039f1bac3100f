using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every JobManager service shares: OpenTelemetry, health checks, service discovery and resilient
/// HTTP clients. JobManager's own meters and activity sources are registered by name so that new
/// instruments show up in the dashboard without touching this file.
/// </summary>
public static class Extensions
{
    /// <summary>The prefix of every JobManager meter and activity source name.</summary>
    public const string TelemetryPrefix = "JobManager";

    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";

    /// <summary>A route parameter with this name holds a secret (the callback URL's token): never record the path.</summary>
    private const string SecretRouteParameter = "{token}";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // A callback's path holds its token, and ASP.NET Core's hosting logger spreads every request's path: it
        // logs "Request starting HTTP/1.1 POST http://.../callback/{id}/{token}", and while it is enabled at any
        // level it opens a log scope with RequestPath around the request, which the OpenTelemetry exporter
        // attaches to every line logged there. Off entirely, and set after the configuration's rules so no
        // appsettings turns it back on; request spans (path redacted below) and trace ids correlate instead.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter($"{TelemetryPrefix}.*"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource($"{TelemetryPrefix}.*")
                // Health probes every few seconds would drown the real traces.
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath);
                    options.EnrichWithHttpResponse = (activity, response) => RedactSecretRoute(activity, response.HttpContext);
                })
                .AddHttpClientInstrumentation()
                // Before the exporter, which is added after this: it must see the flag already unset.
                .DropRootRedisSpans());

        builder.AddOpenTelemetryExporters();
        return builder;
    }

    // The request span's url.path would carry the callback token; the route template says as much without it.
    private static void RedactSecretRoute(Activity activity, HttpContext context)
    {
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template }
            && template.Contains(SecretRouteParameter, StringComparison.Ordinal))
        {
            activity.SetTag("url.path", template);
        }
    }

    private static TBuilder AddOpenTelemetryExporters<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (builder.HasTelemetryExporter())
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>Whether telemetry leaves the process: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the app host sets it).</summary>
    public static bool HasTelemetryExporter(this IHostApplicationBuilder builder) =>
        !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (ready: every check passes, Redis included) and <c>/alive</c> (the process
    /// answers). Both are mapped in every environment and need no API key: orchestrators probe them in
    /// production too, and they disclose nothing but a status word.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath).AllowAnonymous();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains("live"),
        }).AllowAnonymous();
        return app;
    }
}
