using System.Net;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

/// <summary>DELETE .../executions?before= (issue 19): finished executions go, running ones and the last success stay.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ExecutionCleanupApiTests(AppHostFixture fixture)
{
    private readonly ApiClient _api = fixture.Client;
    private readonly WebhookReceiver _receiver = fixture.Receiver;

    private async Task<ReceivedWebhook> RunAsync(string service, string job, int count)
    {
        var executionId = await _api.RunNowAsync(service, job);
        var received = await _receiver.WaitForAsync($"{service}/{job}", count, TimeSpan.FromSeconds(15));
        return received.Single(w => w.ExecutionId == executionId);
    }

    private async Task<long> DeleteAsync(string url)
    {
        using var response = await _api.Http.DeleteAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ApiClient.ReadObjectAsync(response))["deleted"]!.GetValue<long>();
    }

    private static string Soon => Uri.EscapeDataString(DateTime.UtcNow.AddSeconds(5).ToString("O"));

    [Fact]
    public async Task JobCleanUp_DeletesFinishedExecutions_KeepsTheRunningOne_AndTheLastSuccessForTheNextWebhook()
    {
        var service = ApiClient.UniqueService();
        await _api.PutJobOkAsync(service, "tidy", new { invocation_target = _receiver.UrlFor($"{service}/tidy"), schedule = "rate(1 day)" });
        var succeeded = await RunAsync(service, "tidy", 1);
        using (await _api.CallbackAsync(succeeded.CallbackUrl, new { status = "success", state = "keep-me" })) { }
        var failed = await RunAsync(service, "tidy", 2);
        using (await _api.CallbackAsync(failed.CallbackUrl, new { status = "failure" })) { }
        var running = await RunAsync(service, "tidy", 3);
        await _api.WaitForExecutionAsync(service, "tidy", running.ExecutionId,
            e => e["status"]!.GetValue<string>() == "running", TimeSpan.FromSeconds(10));

        var deleted = await DeleteAsync($"/services/{service}/jobs/tidy/executions?before={Soon}");

        Assert.Equal(2, deleted);
        var left = await _api.ExecutionsAsync(service, "tidy");
        Assert.Equal([running.ExecutionId], left.Select(e => e["execution_id"]!.GetValue<string>()));
        var next = await RunAsync(service, "tidy", 4);
        var last = next.Body.GetProperty("last_successful_execution");
        Assert.Equal("keep-me", last.GetProperty("state").GetString());
    }

    [Fact]
    public async Task JobCleanUp_KeepsExecutionsScheduledAtOrAfterBefore()
    {
        var service = ApiClient.UniqueService();
        await _api.PutJobOkAsync(service, "recent", new { invocation_target = _receiver.UrlFor($"{service}/recent"), schedule = "rate(1 day)" });
        var webhook = await RunAsync(service, "recent", 1);
        using (await _api.CallbackAsync(webhook.CallbackUrl, new { status = "success" })) { }
        var before = Uri.EscapeDataString(DateTimeOffset.FromUnixTimeMilliseconds(webhook.ScheduledTimeMs).UtcDateTime.ToString("O"));

        Assert.Equal(0, await DeleteAsync($"/services/{service}/jobs/recent/executions?before={before}"));
        Assert.Single(await _api.ExecutionsAsync(service, "recent"));
    }

    [Fact]
    public async Task ServiceCleanUp_DeletesFinishedExecutionsOfEveryJob()
    {
        var service = ApiClient.UniqueService();
        foreach (var job in new[] { "one", "two" })
        {
            await _api.PutJobOkAsync(service, job, new { invocation_target = _receiver.UrlFor($"{service}/{job}"), schedule = "rate(1 day)" });
            var webhook = await RunAsync(service, job, 1);
            using (await _api.CallbackAsync(webhook.CallbackUrl, new { status = "success" })) { }
        }

        Assert.Equal(2, await DeleteAsync($"/services/{service}/executions?before={Soon}"));

        var page = await _api.ListExecutionsAsync(service);
        Assert.Empty(page["items"]!.AsArray());
    }

    [Theory]
    [InlineData("", "before")]
    [InlineData("?before=yesterday", "before")]
    public async Task MissingOrBadBefore_IsBadRequest_NamingIt(string query, string field)
    {
        var service = ApiClient.UniqueService();

        using var response = await _api.Http.DeleteAsync($"/services/{service}/executions{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ReadProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task AnotherServicesKey_GetsNotFound_AndDeletesNothing()
    {
        var owner = ApiClient.UniqueService();
        await _api.PutJobOkAsync(owner, "mine", new { invocation_target = _receiver.UrlFor($"{owner}/mine"), schedule = "rate(1 day)" });
        var webhook = await RunAsync(owner, "mine", 1);
        using (await _api.CallbackAsync(webhook.CallbackUrl, new { status = "success" })) { }
        var (_, otherKey) = await _api.CreateKeyAsync(ApiClient.UniqueService());
        using var other = fixture.CreateApiClient(otherKey);

        using var job = await other.DeleteAsync($"/services/{owner}/jobs/mine/executions?before={Soon}");
        using var all = await other.DeleteAsync($"/services/{owner}/executions?before={Soon}");

        Assert.Equal(HttpStatusCode.NotFound, job.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, all.StatusCode);
        Assert.Single(await _api.ExecutionsAsync(owner, "mine"));
    }

    [Fact]
    public async Task UnknownJob_IsNotFound()
    {
        var service = ApiClient.UniqueService();

        using var response = await _api.Http.DeleteAsync($"/services/{service}/jobs/nothing/executions?before={Soon}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
