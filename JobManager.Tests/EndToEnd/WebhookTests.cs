using System.Text.Json;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

[Collection(AppHostCollection.Name)]
public sealed class WebhookTests(AppHostFixture fixture)
{
    private readonly ApiClient _api = fixture.Client;
    private readonly WebhookReceiver _receiver = fixture.Receiver;

    [Fact]
    public async Task Webhook_CarriesExactlyTheSeedFields_WithConsistentLatency()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/hook";
        await _api.PutJobOkAsync(service, "my-job-1", new
        {
            invocation_target = _receiver.UrlFor(path),
            schedule = "rate(1 second)",
            payload = "{\"foo\":\"bar2\"}",
            ttl_seconds = 119,
        });

        var webhook = (await _receiver.WaitForAsync(path, 1, TimeSpan.FromSeconds(15)))[0];
        await _api.PutJobOkAsync(service, "my-job-1",
            new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 second)", enabled = false });

        Assert.Equal("application/json", webhook.ContentType?.Split(';')[0]);
        var names = webhook.Body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            ["callback_url", "execution_id", "invocation_latency_ms", "invocation_latency_pct", "job_name",
             "last_successful_execution", "payload", "schedule", "scheduled_time", "scheduled_time_ms", "service_name"],
            names);
        var body = webhook.Body;
        Assert.Equal("my-job-1", body.GetProperty("job_name").GetString());
        Assert.Equal(service, body.GetProperty("service_name").GetString());
        Assert.Equal("{\"foo\":\"bar2\"}", body.GetProperty("payload").GetString());
        Assert.Equal("rate(1 second)", body.GetProperty("schedule").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("last_successful_execution").ValueKind);

        var scheduledMs = body.GetProperty("scheduled_time_ms").GetInt64();
        Assert.Equal(0, scheduledMs % 1000);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(scheduledMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            body.GetProperty("scheduled_time").GetString());
        var latencyMs = body.GetProperty("invocation_latency_ms").GetInt64();
        Assert.InRange(latencyMs, 0, 5000);
        Assert.Equal(Math.Round(latencyMs * 100.0 / 119_000, 1, MidpointRounding.AwayFromZero),
            body.GetProperty("invocation_latency_pct").GetDouble());
        Assert.Matches($"^https?://[^/]+/callback/{webhook.ExecutionId}/[^/]+$", webhook.CallbackUrl);

        var execution = await _api.GetExecutionAsync(service, "my-job-1", webhook.ExecutionId);
        Assert.Equal("schedule", execution["trigger"]!.GetValue<string>());
        Assert.Equal(scheduledMs, execution["scheduled_time_ms"]!.GetValue<long>());
    }

    [Fact]
    public async Task SuccessCallback_EndsExecution_AndNextWebhookCarriesItsStateAndSummary()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/hook";
        await _api.PutJobOkAsync(service, "stateful", new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 second)" });

        var first = (await _receiver.WaitForAsync(path, 1, TimeSpan.FromSeconds(15)))[0];
        using (var response = await _api.CallbackAsync(first.CallbackUrl, new
        {
            status = "success", state = "{\"cursor\":42}", summary = "Processed 666 rows", correlation_id = "foobar",
        }))
        {
            var applied = await ApiClient.ReadObjectAsync(response);
            Assert.Equal("success", applied["status"]!.GetValue<string>());
        }

        var execution = await _api.GetExecutionAsync(service, "stateful", first.ExecutionId);
        Assert.Equal("success", execution["status"]!.GetValue<string>());
        Assert.Equal("{\"cursor\":42}", execution["state"]!.GetValue<string>());
        Assert.Equal("Processed 666 rows", execution["summary"]!.GetValue<string>());
        Assert.Equal("foobar", execution["correlation_id"]!.GetValue<string>());
        Assert.NotNull(execution["finished_at"]);

        var later = await Wait.UntilAsync(() => Task.FromResult(_receiver.Received(path)
            .FirstOrDefault(w => w.ScheduledTimeMs > first.ScheduledTimeMs &&
                w.Body.GetProperty("last_successful_execution").ValueKind == JsonValueKind.Object)),
            TimeSpan.FromSeconds(15), "a webhook carrying the last success");
        await _api.PutJobOkAsync(service, "stateful",
            new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 second)", enabled = false });

        var last = later.Body.GetProperty("last_successful_execution");
        Assert.Equal(first.ExecutionId, last.GetProperty("name").GetString());
        Assert.Equal(first.ScheduledTimeMs, last.GetProperty("scheduled_time_ms").GetInt64());
        Assert.Equal(first.Body.GetProperty("scheduled_time").GetString(), last.GetProperty("scheduled_time").GetString());
        Assert.Equal("{\"cursor\":42}", last.GetProperty("state").GetString());
        Assert.Equal("Processed 666 rows", last.GetProperty("summary").GetString());
        Assert.Equal("success", last.GetProperty("status").GetString());
        Assert.True(last.GetProperty("service_invoked_at_ms").GetInt64() >= first.ScheduledTimeMs);
    }

    [Fact]
    public async Task NonSuccessAnswer_FailsExecution_AsInvocationFailed_WithTheStatus()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/hook";
        _receiver.Respond(path, _ => Task.FromResult(503));
        await _api.PutJobOkAsync(service, "broken", new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 hour)" });

        using var run = await _api.Http.PostAsync($"/services/{service}/jobs/broken/executions", null);
        var executionId = (await ApiClient.ReadObjectAsync(run))["execution_id"]!.GetValue<string>();

        var execution = await _api.WaitForExecutionAsync(service, "broken", executionId,
            e => e["status"]!.GetValue<string>() == "failure", TimeSpan.FromSeconds(15));
        Assert.Equal("invocation_failed", execution["failure_reason"]!.GetValue<string>());
        Assert.Equal(503, execution["http_status"]!.GetValue<int>());
        Assert.Contains("503", execution["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnreachableTarget_FailsExecution_AsInvocationFailed_WithTheError()
    {
        var service = ApiClient.UniqueService();
        // Port 9 (discard) on loopback: nothing listens there, the connection is refused.
        await _api.PutJobOkAsync(service, "nowhere", new { invocation_target = "http://127.0.0.1:9/hook", schedule = "rate(1 hour)" });

        using var run = await _api.Http.PostAsync($"/services/{service}/jobs/nowhere/executions", null);
        var executionId = (await ApiClient.ReadObjectAsync(run))["execution_id"]!.GetValue<string>();

        var execution = await _api.WaitForExecutionAsync(service, "nowhere", executionId,
            e => e["status"]!.GetValue<string>() == "failure", TimeSpan.FromSeconds(20));
        Assert.Equal("invocation_failed", execution["failure_reason"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(execution["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CallbackArrivingBeforeTheWebhookResponse_StillCounts()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/hook";
        _receiver.Respond(path, async webhook =>
        {
            // A fast service: reports success before answering the webhook itself.
            using var response = await _api.CallbackAsync(webhook.CallbackUrl, new { status = "success", summary = "fast" });
            return (int)response.StatusCode == 200 ? 200 : 500;
        });
        await _api.PutJobOkAsync(service, "fast", new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 hour)" });

        using var run = await _api.Http.PostAsync($"/services/{service}/jobs/fast/executions", null);
        var executionId = (await ApiClient.ReadObjectAsync(run))["execution_id"]!.GetValue<string>();

        var execution = await _api.WaitForExecutionAsync(service, "fast", executionId,
            e => e["service_invoked_at_ms"] is not null, TimeSpan.FromSeconds(15));
        Assert.Equal("success", execution["status"]!.GetValue<string>());
        Assert.Equal("fast", execution["summary"]!.GetValue<string>());
        Assert.Equal(200, execution["http_status"]!.GetValue<int>());
    }
}
