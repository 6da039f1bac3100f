using JobManager.Core.Callbacks;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Logs;

namespace JobManager.Api.Telemetry;

/// <summary>
/// Keeps callback tokens (credentials in the path <c>/callback/{id}/{token}</c>) out of logs and traces.
/// The span's route is the template already; its <c>url.path</c> is rewritten here.
/// </summary>
internal static class CallbackTokenRedaction
{
    public static IHostApplicationBuilder AddCallbackTokenRedaction(this IHostApplicationBuilder builder)
    {
        // The framework's events that carry the raw request path, capped below the level that writes
        // them, whatever level the configuration asks for (checked at Trace against every category):
        // "Request starting HTTP/1.1 POST http://…/callback/{id}/{token}" (Information),
        // "1 candidate(s) found for the request path '…'" (Debug), malformed request lines (Debug).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing.Matching", LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel.BadRequests", LogLevel.Information);

        // Every log written during a request carries ASP.NET Core's request scope, whose RequestPath
        // is the raw path, token included. Exported logs still correlate with the (redacted) request
        // span by trace and span id, which are fields of the record, not scopes.
        builder.Services.Configure<OpenTelemetryLoggerOptions>(options => options.IncludeScopes = false);

        builder.Services.Configure<AspNetCoreTraceInstrumentationOptions>(options =>
        {
            var enrich = options.EnrichWithHttpRequest;
            options.EnrichWithHttpRequest = (activity, request) =>
            {
                enrich?.Invoke(activity, request);
                var path = request.Path.Value ?? "";
                var redacted = CallbackPath.Redact(path);
                if (!ReferenceEquals(redacted, path))
                {
                    activity.SetTag("url.path", redacted);
                }
            };
        });
        return builder;
    }
}
