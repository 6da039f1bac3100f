using System.Net;
using System.Net.Http.Json;
using JobManager.Core.Executions;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

[Collection(AppHostCollection.Name)]
public sealed class CallbackErrorTests(AppHostFixture fixture)
{
    private readonly ApiClient _api = fixture.Client;
    private readonly WebhookReceiver _receiver = fixture.Receiver;

    private async Task<(string Service, ReceivedWebhook Webhook)> DeliveredAsync()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/cb";
        await _api.PutJobOkAsync(service, "cb", new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 day)" });
        using var run = await _api.Http.PostAsync($"/services/{service}/jobs/cb/executions", null);
        await ApiClient.ReadObjectAsync(run);
        var webhook = (await _receiver.WaitForAsync(path, 1, TimeSpan.FromSeconds(15)))[0];
        await _api.WaitForExecutionAsync(service, "cb", webhook.ExecutionId, e => e["status"]!.GetValue<string>() == "running", TimeSpan.FromSeconds(10));
        return (service, webhook);
    }

    private static string WithToken(string callbackUrl, Func<string, string> change)
    {
        var slash = callbackUrl.LastIndexOf('/');
        return callbackUrl[..(slash + 1)] + change(callbackUrl[(slash + 1)..]);
    }

    public static TheoryData<string> AlteredTokens => ["altered", "truncated", "extended", "garbage"];

    [Theory]
    [MemberData(nameof(AlteredTokens))]
    public async Task AlteredToken_IsForbidden_AndChangesNothing(string alteration)
    {
        var (service, webhook) = await DeliveredAsync();
        var url = WithToken(webhook.CallbackUrl, token => alteration switch
        {
            // The first character: the last one of unpadded base64 also carries ignored filler bits.
            "altered" => (token[0] == 'A' ? 'B' : 'A') + token[1..],
            "truncated" => token[..^4],
            "extended" => token + "A",
            _ => "not-a-token",
        });

        using var response = await _api.CallbackAsync(url, new { status = "success" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await ApiClient.ReadProblemAsync(response);
        Assert.Equal("running", (await _api.GetExecutionAsync(service, "cb", webhook.ExecutionId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnotherExecutionsToken_IsForbidden()
    {
        var (_, first) = await DeliveredAsync();
        var (service, second) = await DeliveredAsync();
        var swapped = WithToken(second.CallbackUrl, _ => first.CallbackUrl[(first.CallbackUrl.LastIndexOf('/') + 1)..]);

        using var response = await _api.CallbackAsync(swapped, new { status = "success" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("running", (await _api.GetExecutionAsync(service, "cb", second.ExecutionId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownExecution_WithAValidToken_IsNotFound()
    {
        // The tests know the deployment's callback secret, so they can sign an id that was never stored.
        var executionId = ExecutionId.New(shard: 0);
        var token = fixture.CallbackTokens.Create(executionId);

        using var response = await _api.Http.PostAsJsonAsync($"/callback/{executionId}/{token}", new { status = "success" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await ApiClient.ReadProblemAsync(response);
    }

    [Fact]
    public async Task MalformedExecutionId_IsForbidden()
    {
        using var response = await _api.Http.PostAsJsonAsync("/callback/not-an-id/1.AAAA", new { status = "success" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task SecondFinalCallback_IsConflict_WithTheFirstStatus()
    {
        var (service, webhook) = await DeliveredAsync();
        using (var first = await _api.CallbackAsync(webhook.CallbackUrl, new { status = "failure", summary = "first" }))
        {
            await ApiClient.ReadObjectAsync(first);
        }

        using var second = await _api.CallbackAsync(webhook.CallbackUrl, new { status = "success", summary = "second" });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await ApiClient.ReadProblemAsync(second);
        Assert.Equal("failure", problem.GetProperty("execution_status").GetString());
        var execution = await _api.GetExecutionAsync(service, "cb", webhook.ExecutionId);
        Assert.Equal("failure", execution["status"]!.GetValue<string>());
        Assert.Equal("first", execution["summary"]!.GetValue<string>());
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "{\"status\":\"done\"}", "status" },
        { "{}", "status" },
        { "{\"status\":\"success\",\"state\":{\"a\":1}}", "state" },
        { "{\"status\":\"success\",\"summary\":5}", "summary" },
        { "{\"status\":\"success\",\"sumary\":\"typo\"}", "sumary" },
        { "[1,2]", "body" },
        { "{\"status\":", "body" },
        { "{\"status\":\"heartbeat\",\"extend_seconds\":0}", "extend_seconds" },
        { "{\"status\":\"heartbeat\",\"extend_seconds\":\"60\"}", "extend_seconds" },
        { "{\"status\":\"heartbeat\",\"extend_seconds\":301}", "extend_seconds" },
        { "{\"status\":\"success\",\"extend_seconds\":60}", "extend_seconds" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadBody_IsBadRequest_NamingTheField_AndChangesNothing(string body, string field)
    {
        var (service, webhook) = await DeliveredAsync();

        using var response = await _api.Http.PostAsync(webhook.CallbackUrl, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ReadProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal("running", (await _api.GetExecutionAsync(service, "cb", webhook.ExecutionId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task OversizedState_IsBadRequest()
    {
        var (_, webhook) = await DeliveredAsync();
        using var response = await _api.CallbackAsync(webhook.CallbackUrl, new { status = "success", state = new string('x', 64 * 1024 + 1) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OversizedBody_Is413_AndChangesNothing()
    {
        var (service, webhook) = await DeliveredAsync();
        var body = new string(' ', 300 * 1024) + "{\"status\":\"success\"}";

        using var response = await _api.Http.PostAsync(webhook.CallbackUrl, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("running", (await _api.GetExecutionAsync(service, "cb", webhook.ExecutionId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReplayedToken_AfterTheExecutionFinished_IsConflict_ForEveryStatus()
    {
        var (service, webhook) = await DeliveredAsync();
        using (var first = await _api.CallbackAsync(webhook.CallbackUrl, new { status = "success", summary = "done" }))
        {
            await ApiClient.ReadObjectAsync(first);
        }

        foreach (var status in new[] { "success", "failure", "heartbeat" })
        {
            using var replay = await _api.CallbackAsync(webhook.CallbackUrl, new { status });
            Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        }
        Assert.Equal("done", (await _api.GetExecutionAsync(service, "cb", webhook.ExecutionId))["summary"]!.GetValue<string>());
    }
}
