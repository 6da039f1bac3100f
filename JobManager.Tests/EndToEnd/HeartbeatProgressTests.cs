using System.Net;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

/// <summary>Heartbeats that carry progress (issue 19): extend_seconds, progress_state/progress_summary, last_heartbeat_at.</summary>
[Collection(AppHostCollection.Name)]
public sealed class HeartbeatProgressTests(AppHostFixture fixture)
{
    private readonly ApiClient _api = fixture.Client;
    private readonly WebhookReceiver _receiver = fixture.Receiver;

    private async Task<(string Service, ReceivedWebhook Webhook)> RunningAsync(string job, int ttlSeconds)
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/{job}";
        await _api.PutJobOkAsync(service, job,
            new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 day)", ttl_seconds = ttlSeconds });
        await _api.RunNowAsync(service, job);
        var webhook = (await _receiver.WaitForAsync(path, 1, TimeSpan.FromSeconds(15)))[0];
        await _api.WaitForExecutionAsync(service, job, webhook.ExecutionId,
            e => e["status"]!.GetValue<string>() == "running", TimeSpan.FromSeconds(10));
        return (service, webhook);
    }

    [Fact]
    public async Task HeartbeatWithProgress_ShowsOnTheRunningExecution_AndExtendsTheDeadlineByExtendSeconds()
    {
        var (service, webhook) = await RunningAsync("progress", ttlSeconds: 600);

        using var response = await _api.CallbackAsync(webhook.CallbackUrl,
            new { status = "heartbeat", state = "{\"page\":3}", summary = "page 3 of 10", extend_seconds = 20 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deadline = (await ApiClient.ReadObjectAsync(response))["deadline"]!.GetValue<DateTime>();
        var execution = await _api.GetExecutionAsync(service, "progress", webhook.ExecutionId);
        Assert.Equal("{\"page\":3}", execution["progress_state"]!.GetValue<string>());
        Assert.Equal("page 3 of 10", execution["progress_summary"]!.GetValue<string>());
        var beatAt = execution["last_heartbeat_at"]!.GetValue<DateTime>();
        Assert.Equal(deadline, beatAt.AddSeconds(20));
        Assert.Equal(deadline, execution["deadline"]!.GetValue<DateTime>());
        Assert.Null(execution["state"]);
        Assert.Null(execution["summary"]);
    }

    [Fact]
    public async Task FinishedExecution_ShowsTheFinalCallbacksStateAndSummary_AndNoProgress()
    {
        var (service, webhook) = await RunningAsync("progress-done", ttlSeconds: 600);
        using var beat = await _api.CallbackAsync(webhook.CallbackUrl, new { status = "heartbeat", state = "half", summary = "halfway" });
        Assert.Equal(HttpStatusCode.OK, beat.StatusCode);

        using var done = await _api.CallbackAsync(webhook.CallbackUrl, new { status = "success", state = "all", summary = "all rows" });

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var execution = await _api.GetExecutionAsync(service, "progress-done", webhook.ExecutionId);
        Assert.Equal("all", execution["state"]!.GetValue<string>());
        Assert.Equal("all rows", execution["summary"]!.GetValue<string>());
        Assert.Null(execution["progress_state"]);
        Assert.Null(execution["progress_summary"]);
        Assert.Null(execution["last_heartbeat_at"]);
    }

    [Fact]
    public async Task ExtendSecondsAboveTheJobsTtl_IsBadRequest_NamingTheField_AndChangesNothing()
    {
        var (service, webhook) = await RunningAsync("progress-ttl", ttlSeconds: 60);

        using var response = await _api.CallbackAsync(webhook.CallbackUrl, new { status = "heartbeat", extend_seconds = 61 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ReadProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("extend_seconds", out _), problem.ToString());
        var execution = await _api.GetExecutionAsync(service, "progress-ttl", webhook.ExecutionId);
        Assert.Equal(0, execution["heartbeats"]!.GetValue<int>());
        Assert.Null(execution["last_heartbeat_at"]);
    }
}
