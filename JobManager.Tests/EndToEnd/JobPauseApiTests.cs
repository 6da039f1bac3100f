using System.Net;
using System.Text.Json.Nodes;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

/// <summary>paused_reason, pause_after_failures and 410 Gone (issue 19).</summary>
[Collection(AppHostCollection.Name)]
public sealed class JobPauseApiTests(AppHostFixture fixture)
{
    private readonly ApiClient _api = fixture.Client;
    private readonly WebhookReceiver _receiver = fixture.Receiver;

    [Fact]
    public async Task TargetAnswering410_FailsTheExecutionWithoutRetry_AndPausesTheJob()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/gone";
        _receiver.Respond(path, _ => Task.FromResult(410));
        await _api.PutJobOkAsync(service, "gone", new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 minute)" });
        var executionId = await _api.RunNowAsync(service, "gone");

        var failed = await _api.WaitForExecutionAsync(service, "gone", executionId,
            e => e["status"]!.GetValue<string>() == "failure", TimeSpan.FromSeconds(15));

        Assert.Equal("invocation_failed", failed["failure_reason"]!.GetValue<string>());
        Assert.Equal(410, failed["http_status"]!.GetValue<int>());
        Assert.Single(failed["delivery_attempts"]!.AsArray());
        var job = await _api.WaitForJobAsync(service, "gone", j => !j["enabled"]!.GetValue<bool>());
        Assert.Equal("target answered 410 Gone", job["paused_reason"]!.GetValue<string>());
        Assert.Equal("paused", job["health"]!.GetValue<string>());
        Assert.Null(job["next_scheduled_time"]);
    }

    [Fact]
    public async Task PauseAfterFailures_DisablesTheJobWithAReason_AndEnablingClearsIt()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/fragile";
        _receiver.Respond(path, _ => Task.FromResult(400));
        var body = new JsonObject
        {
            ["invocation_target"] = _receiver.UrlFor(path), ["schedule"] = "rate(1 day)", ["pause_after_failures"] = 2,
        };
        Assert.Equal(2, (await _api.PutJobOkAsync(service, "fragile", body))["pause_after_failures"]!.GetValue<int>());
        var first = await _api.RunNowAsync(service, "fragile");
        await _api.WaitForExecutionAsync(service, "fragile", first,
            e => e["status"]!.GetValue<string>() == "failure", TimeSpan.FromSeconds(15));
        Assert.True((await _api.GetJobAsync(service, "fragile"))!["enabled"]!.GetValue<bool>());

        await _api.RunNowAsync(service, "fragile");

        var paused = await _api.WaitForJobAsync(service, "fragile", j => !j["enabled"]!.GetValue<bool>());
        Assert.Equal("paused after 2 consecutive failures", paused["paused_reason"]!.GetValue<string>());
        body["enabled"] = true;
        var enabled = await _api.PutJobOkAsync(service, "fragile", body);
        Assert.Null(enabled["paused_reason"]);
        Assert.Null((await _api.GetJobAsync(service, "fragile"))!["paused_reason"]);
    }

    [Fact]
    public async Task PausedReason_IsKeptWhileDisabled_WhenAPutLeavesItOut()
    {
        var service = ApiClient.UniqueService();
        var target = _receiver.UrlFor($"{service}/held");
        await _api.PutJobOkAsync(service, "held",
            new { invocation_target = target, schedule = "rate(1 day)", enabled = false, paused_reason = "maintenance" });

        var again = await _api.PutJobOkAsync(service, "held",
            new { invocation_target = target, schedule = "rate(2 days)", enabled = false });

        Assert.Equal("maintenance", again["paused_reason"]!.GetValue<string>());
        Assert.Equal("maintenance", (await _api.GetJobAsync(service, "held"))!["paused_reason"]!.GetValue<string>());
    }

    public static TheoryData<string, string> BadPauseFields => new()
    {
        { "{\"paused_reason\":\"" + new string('x', 257) + "\"}", "paused_reason" },
        { "{\"paused_reason\":5}", "paused_reason" },
        { "{\"pause_after_failures\":1001}", "pause_after_failures" },
        { "{\"pause_after_failures\":-1}", "pause_after_failures" },
    };

    [Theory]
    [MemberData(nameof(BadPauseFields))]
    public async Task BadPauseField_IsBadRequest_NamingIt(string fields, string field)
    {
        var service = ApiClient.UniqueService();
        var body = JsonNode.Parse(fields)!.AsObject();
        body["invocation_target"] = _receiver.UrlFor($"{service}/bad");
        body["schedule"] = "rate(1 day)";

        using var response = await _api.PutJobAsync(service, "bad", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ReadProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
