using System.Net;
using System.Text.Json.Nodes;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

/// <summary>POST .../jobs/{j}/test and PUT ?test=true (issue 19): a signed test event that is recorded nowhere.</summary>
[Collection(AppHostCollection.Name)]
public sealed class JobTestApiTests(AppHostFixture fixture)
{
    private readonly ApiClient _api = fixture.Client;
    private readonly WebhookReceiver _receiver = fixture.Receiver;

    private async Task<(string Service, string Path, string Secret)> JobAsync(string job, bool enabled = false)
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/{job}";
        var secret = (await _api.RotateSigningSecretAsync(service))["secret"]!.GetValue<string>();
        await _api.PutJobOkAsync(service, job,
            new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 hour)", enabled, payload = "{\"n\":1}" });
        return (service, path, secret);
    }

    private async Task<JsonObject> TestAsync(string service, string job, string query = "?wait_seconds=10")
    {
        using var response = await _api.Http.PostAsync($"/services/{service}/jobs/{job}/test{query}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ApiClient.ReadObjectAsync(response);
    }

    [Fact]
    public async Task Test_SendsASignedWebhookWithTestTrue_AndReportsItsCallback()
    {
        var (service, path, secret) = await JobAsync("probe");

        var testing = TestAsync(service, "probe");
        var webhook = (await _receiver.WaitForAsync(path, 1, TimeSpan.FromSeconds(15))).Single();
        using (var callback = await _api.CallbackAsync(webhook.CallbackUrl, new { status = "success" }))
        {
            Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        }
        var result = await testing;

        Assert.True(webhook.Body.GetProperty("test").GetBoolean());
        Assert.Equal("{\"n\":1}", webhook.Body.GetProperty("payload").GetString());
        Assert.True(StandardWebhooksVerifier.Verify(secret, webhook));
        Assert.Equal(200, result["webhook"]!["http_status"]!.GetValue<int>());
        Assert.True(result["webhook"]!["signature_header_sent"]!.GetValue<bool>());
        Assert.Null(result["webhook"]!["error"]);
        Assert.True(result["webhook"]!["duration_ms"]!.GetValue<long>() >= 0);
        Assert.Equal("success", result["callback"]!["status"]!.GetValue<string>());
        Assert.True(result["callback"]!["after_ms"]!.GetValue<long>() >= 0);
    }

    [Fact]
    public async Task Test_RecordsNothing_NoExecution_AndJobHealthUnchanged()
    {
        var (service, path, _) = await JobAsync("quiet", enabled: true);
        var before = await _api.GetJobAsync(service, "quiet");

        var testing = TestAsync(service, "quiet");
        var webhook = (await _receiver.WaitForAsync(path, 1, TimeSpan.FromSeconds(15))).Single();
        using (await _api.CallbackAsync(webhook.CallbackUrl, new { status = "failure" })) { }
        Assert.Equal("failure", (await testing)["callback"]!["status"]!.GetValue<string>());

        Assert.Empty(await _api.ExecutionsAsync(service, "quiet"));
        var after = await _api.GetJobAsync(service, "quiet");
        Assert.Equal(before!["health"]!.ToJsonString(), after!["health"]!.ToJsonString());
        Assert.Equal(0, after["consecutive_failures"]!.GetValue<int>());
        Assert.Null(after["last_execution"]);
    }

    [Fact]
    public async Task Test_OnADisabledJob_TargetAnswering500_ReportsTheStatusAndNoCallback()
    {
        var (service, path, _) = await JobAsync("broken");
        _receiver.Respond(path, _ => Task.FromResult(500));

        var result = await TestAsync(service, "broken", "?wait_seconds=1");

        Assert.Equal(500, result["webhook"]!["http_status"]!.GetValue<int>());
        Assert.NotNull(result["webhook"]!["error"]);
        Assert.True(result.ContainsKey("callback"));
        Assert.Null(result["callback"]);
        Assert.Empty(await _api.ExecutionsAsync(service, "broken"));
    }

    [Fact]
    public async Task Test_HeartbeatToATestCallback_AnswersRunning()
    {
        var (service, path, _) = await JobAsync("beat");
        var testing = TestAsync(service, "beat");
        var webhook = (await _receiver.WaitForAsync(path, 1, TimeSpan.FromSeconds(15))).Single();

        using (var heartbeat = await _api.CallbackAsync(webhook.CallbackUrl, new { status = "heartbeat" }))
        {
            Assert.Equal("running", (await ApiClient.ReadObjectAsync(heartbeat))["status"]!.GetValue<string>());
        }
        using (await _api.CallbackAsync(webhook.CallbackUrl, new { status = "success" })) { }
        Assert.Equal("success", (await testing)["callback"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutWithTest_TargetFailing_Answers422WithTheResult_AndSavesNothing()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/unsaved";
        _receiver.Respond(path, _ => Task.FromResult(503));

        using var response = await _api.PutJobAsync(service, "unsaved?test=true",
            new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 hour)" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(503, result["webhook"]!["http_status"]!.GetValue<int>());
        Assert.Null(result["callback"]);
        Assert.True(_receiver.Received(path).Single().Body.GetProperty("test").GetBoolean());
        Assert.Null(await _api.GetJobAsync(service, "unsaved"));
    }

    [Fact]
    public async Task PutWithTest_TargetAnswering2xx_SavesTheJob()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/saved";

        using var response = await _api.PutJobAsync(service, "saved?test=true",
            new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 hour)", enabled = false });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(_receiver.Received(path));
        Assert.NotNull(await _api.GetJobAsync(service, "saved"));
    }

    [Fact]
    public async Task Test_WithAnotherServicesKey_Is404()
    {
        var (service, path, _) = await JobAsync("private");
        var (_, otherKey) = await _api.CreateKeyAsync(ApiClient.UniqueService("other"));
        using var other = fixture.CreateApiClient(otherKey);

        using var response = await other.PostAsync($"/services/{service}/jobs/private/test?wait_seconds=1", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(_receiver.Received(path));
    }

    [Fact]
    public async Task Test_UnknownJob_Is404()
    {
        using var response = await _api.Http.PostAsync($"/services/{ApiClient.UniqueService()}/jobs/none/test", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    [InlineData("ten")]
    public async Task Test_WaitSecondsOutOfRange_Is400NamingIt(string wait)
    {
        var (service, path, _) = await JobAsync("range");

        using var response = await _api.Http.PostAsync($"/services/{service}/jobs/range/test?wait_seconds={wait}", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ReadProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("wait_seconds", out _));
        Assert.Empty(_receiver.Received(path));
    }
}
