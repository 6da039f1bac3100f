using System.Net;
using System.Text.Json.Nodes;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

/// <summary>Job health on the job resource and the ?health= filter (issue 19).</summary>
[Collection(AppHostCollection.Name)]
public sealed class JobHealthApiTests(AppHostFixture fixture)
{
    private readonly ApiClient _api = fixture.Client;
    private readonly WebhookReceiver _receiver = fixture.Receiver;

    private async Task<IReadOnlyList<string>> JobNamesAsync(string url)
    {
        using var response = await _api.Http.GetAsync(url);
        var page = await ApiClient.ReadObjectAsync(response);
        return [.. page["items"]!.AsArray().Select(j => j!["job_name"]!.GetValue<string>())];
    }

    [Fact]
    public async Task NewJob_IsHealthy_WithNoLastExecution()
    {
        var service = ApiClient.UniqueService();

        var job = await _api.PutJobOkAsync(service, "fresh",
            new { invocation_target = _receiver.UrlFor($"{service}/fresh"), schedule = "rate(1 day)" });

        Assert.Equal("healthy", job["health"]!.GetValue<string>());
        Assert.Equal(0, job["consecutive_failures"]!.GetValue<int>());
        Assert.True(job.ContainsKey("last_execution"));
        Assert.Null(job["last_execution"]);
        Assert.Null(job["last_success_time"]);
    }

    [Fact]
    public async Task RefusedWebhook_MakesTheJobFailing_AndASuccessMakesItHealthyAgain()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/flaky";
        var status = HttpStatusCode.BadRequest;
        _receiver.Respond(path, _ => Task.FromResult((int)status));
        await _api.PutJobOkAsync(service, "flaky", new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 day)" });
        var failedId = await _api.RunNowAsync(service, "flaky");

        var failing = await _api.WaitForJobAsync(service, "flaky", j => j["consecutive_failures"]!.GetValue<int>() == 1);

        Assert.Equal("failing", failing["health"]!.GetValue<string>());
        var last = failing["last_execution"]!;
        Assert.Equal(failedId, last["execution_id"]!.GetValue<string>());
        Assert.Equal("failure", last["status"]!.GetValue<string>());
        Assert.Equal("invocation_failed", last["reason"]!.GetValue<string>());
        var execution = await _api.GetExecutionAsync(service, "flaky", failedId);
        Assert.Equal(execution["scheduled_time"]!.GetValue<string>(), last["scheduled_time"]!.GetValue<string>());
        Assert.Equal(execution["finished_at"]!.GetValue<DateTime>(), last["finished_at"]!.GetValue<DateTime>());
        Assert.Contains("flaky", await JobNamesAsync($"/services/{service}/jobs?health=failing"));
        Assert.DoesNotContain("flaky", await JobNamesAsync($"/services/{service}/jobs?health=healthy"));

        status = HttpStatusCode.OK;
        var okId = await _api.RunNowAsync(service, "flaky");
        var webhook = (await _receiver.WaitForAsync(path, 2, TimeSpan.FromSeconds(15))).Single(w => w.ExecutionId == okId);
        using var done = await _api.CallbackAsync(webhook.CallbackUrl, new { status = "success" });

        var healthy = await _api.WaitForJobAsync(service, "flaky", j => j["health"]!.GetValue<string>() == "healthy");
        Assert.Equal(0, healthy["consecutive_failures"]!.GetValue<int>());
        Assert.Equal(okId, healthy["last_execution"]!["execution_id"]!.GetValue<string>());
        var finished = (await _api.GetExecutionAsync(service, "flaky", okId))["finished_at"]!.GetValue<DateTime>();
        Assert.Equal(finished, healthy["last_success_time"]!.GetValue<DateTime>());
        Assert.Contains("flaky", await JobNamesAsync($"/services/{service}/jobs?health=healthy"));
    }

    [Fact]
    public async Task JobAsGetReturnsIt_WithItsHealth_CanBePutBack()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/roundtrip";
        _receiver.Respond(path, _ => Task.FromResult(400));
        await _api.PutJobOkAsync(service, "roundtrip", new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 day)" });
        await _api.RunNowAsync(service, "roundtrip");
        var failing = await _api.WaitForJobAsync(service, "roundtrip", j => j["last_execution"] is not null);

        using var response = await _api.PutJobAsync(service, "roundtrip", failing);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await ApiClient.ReadObjectAsync(response);
        Assert.Equal("failing", saved["health"]!.GetValue<string>());
        Assert.Equal(1, saved["consecutive_failures"]!.GetValue<int>());
    }

    [Fact]
    public async Task DisabledJob_IsPaused_AndFoundByTheFilter_OnEveryServicesListingToo()
    {
        var service = ApiClient.UniqueService();
        await _api.PutJobOkAsync(service, "off",
            new { invocation_target = _receiver.UrlFor($"{service}/off"), schedule = "rate(1 day)", enabled = false });
        await _api.PutJobOkAsync(service, "on", new { invocation_target = _receiver.UrlFor($"{service}/on"), schedule = "rate(1 day)" });

        Assert.Equal(["off"], await JobNamesAsync($"/services/{service}/jobs?health=paused"));
        Assert.Equal(["off"], await JobNamesAsync($"/jobs?service={service}&health=paused"));
    }

    [Fact]
    public async Task UnknownHealthFilter_IsBadRequest_NamingTheField()
    {
        var service = ApiClient.UniqueService();

        using var response = await _api.Http.GetAsync($"/services/{service}/jobs?health=sick");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ReadProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("health", out _), problem.ToString());
    }
}
