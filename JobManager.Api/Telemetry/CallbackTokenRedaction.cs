using JobManager.Core.Callbacks;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Logs;

namespace JobManager.Api.Telemetry;

/// <summary>
/// Keeps callback tokens (credentials in the path <c>/callback/{id}/{token}</c>) out of logs and traces: the
/// one place that does, for the one service whose request paths carry them. The span's route is the template
/// already; its <c>url.path</c> becomes <c>/callback/{id}/REDACTED</c> here (<see cref="CallbackPath.Redact"/>),
/// for every request under <c>/callback/</c>, whether it matched the route or not.
/// </summary>
internal static class CallbackTokenRedaction
{
    public static IHostApplicationBuilder AddCallbackTokenRedaction(this IHostApplicationBuilder builder)
    {
        // The framework's events that carry the raw request path, capped below the level that writes
        // them, whatever level the configuration asks for (these rules come after the configuration's, so
        // they win; checked at Trace against every category): "1 candidate(s) found for the request path '…'"
        // (Debug), malformed request lines (Debug). The hosting logger is off entirely: besides "Request
        // starting HTTP/1.1 POST http://…/callback/{id}/{token}" (Information), while it is enabled at any
        // level it opens a log scope with RequestPath around every request.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
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
