extern alias api;

using api::JobManager.Api.Telemetry;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace JobManager.Tests.Telemetry;

/// <summary>
/// A callback URL's last segment is its token: whoever reads it can finish the execution. The Api's
/// redaction, over the service defaults, must keep it out of every log line and out of the request span.
/// </summary>
[Collection(TracerProviderCollection.Name)]
public sealed class CallbackTokenRedactionTests
{
    private const string Token = "1.TokenThatMustNeverBeRecorded";
    private const string Route = "/callback/{executionId}/{token}";

    [Fact]
    public async Task CallbackRequest_LeavesItsTokenOutOfLogsAndTheRequestSpan()
    {
        using var recorder = new ActivityRecorder("Microsoft.AspNetCore");
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.AddCallbackTokenRedaction();
        builder.Logging.AddFakeLogging();
        await using var app = builder.Build();
        // Logs from inside the request, as the Api's handlers and ASP.NET Core's result writers log.
        app.MapPost(Route, (string executionId, string token, ILogger<CallbackTokenRedactionTests> logger) =>
        {
            logger.LogInformation("Callback for {ExecutionId}", executionId);
            return Results.Ok();
        });
        await app.StartAsync();

        using (var http = new HttpClient())
        using (var response = await http.PostAsync(new Uri($"{app.Urls.First()}/callback/0003b1f3-0000/{Token}"), null))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await app.StopAsync();

        var logs = app.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logs, r => r.Level == LogLevel.Information); // the collector hears Information: the check below can fail
        Assert.Contains(logs, r => r.Scopes.Count > 0); // scopes are recorded too: the OpenTelemetry exporter sends them
        Assert.DoesNotContain(logs, r => r.Message.Contains(Token, StringComparison.Ordinal)
            || r.StructuredState?.Any(kv => kv.Value?.Contains(Token, StringComparison.Ordinal) == true) == true
            || r.Scopes.Any(scope => ScopeText(scope).Contains(Token, StringComparison.Ordinal)));
        var span = Assert.Single(recorder.Stopped, a => a.DisplayName == $"POST {Route}");
        Assert.DoesNotContain(span.TagObjects, tag => tag.Value?.ToString()?.Contains(Token, StringComparison.Ordinal) == true);
        Assert.Equal("/callback/0003b1f3-0000/REDACTED", span.GetTagItem("url.path"));
    }

    private static string ScopeText(object? scope) => scope is IEnumerable<KeyValuePair<string, object?>> pairs
        ? string.Join(' ', pairs.Select(kv => $"{kv.Key}={kv.Value}"))
        : scope?.ToString() ?? "";
}
