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
        // "Request starting HTTP/1.1 POST http://…/callback/{id}/{token}" is an Information event of
        // this category, on by default; its Warning events (none carry the path) stay.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);

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
