using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

/// <summary>
/// Generated bad input through real HTTP: every refusal is a 4xx problem details (never a 500) and
/// stores nothing. Each property runs a bounded number of samples, one at a time, so the class stays
/// well under a minute; a failure prints the sample and CsCheck's seed to replay it.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class BadInputTests(AppHostFixture fixture)
{
    private const int Samples = 120;
    private const string Job = "fuzzed";

    private readonly ApiClient _api = fixture.Client;

    [Fact]
    public async Task BadJobBodies_AndNames_AreRefusedWithProblemDetails_AndChangeNoJob()
    {
        var service = ApiClient.UniqueService("fuzz-put");
        var valid = new JsonObject
        {
            ["invocation_target"] = "http://127.0.0.1:9/fuzzed",
            ["schedule"] = "rate(1 hour)",
            ["enabled"] = false,
        };
        await _api.PutJobOkAsync(service, Job, valid);
        var stored = await JobSnapshotAsync(service);

        await BadInputs.JobBody(valid).SampleAsync(async body =>
        {
            await AssertRefusedAsync(HttpMethod.Put, $"/services/{service}/jobs/{Job}", body);
            Assert.Equal(stored, await JobSnapshotAsync(service));
        }, iter: Samples, threads: 1);

        await BadInputs.BadName.SampleAsync(async name =>
        {
            await AssertRefusedAsync(HttpMethod.Put, $"/services/{service}/jobs/{Uri.EscapeDataString(name)}", valid.ToJsonString());
            Assert.Equal(stored, await JobSnapshotAsync(service));
        }, iter: Samples / 4, threads: 1);
    }

    [Fact]
    public async Task BadCallbackTokens_AreForbidden_AndBadBodies_AreRefused_AndTheExecutionIsUnchanged()
    {
        var service = ApiClient.UniqueService("fuzz-callback");
        var path = $"{service}/{Job}";
        var job = new { invocation_target = fixture.Receiver.UrlFor(path), schedule = "rate(1 day)", ttl_seconds = 3600 };
        await _api.PutJobOkAsync(service, Job, job);
        var executionId = await _api.RunNowAsync(service, Job);
        await _api.WaitForExecutionAsync(
            service, Job, executionId, e => e["status"]!.GetValue<string>() == "running", TimeSpan.FromSeconds(30));
        var before = (await _api.GetExecutionAsync(service, Job, executionId)).ToJsonString();
        var callback = $"/callback/{executionId}";

        await BadInputs.Token.SampleAsync(async token =>
        {
            var url = $"{callback}/{Uri.EscapeDataString(token)}";
            var status = await AssertRefusedAsync(HttpMethod.Post, url, """{"status":"success"}""");
            Assert.Equal(403, status);
        }, iter: Samples, threads: 1);

        var token = fixture.CallbackTokens.Create(executionId);
        await BadInputs.CallbackBody.SampleAsync(async body =>
        {
            var status = await AssertRefusedAsync(HttpMethod.Post, $"{callback}/{token}", body);
            Assert.Equal(400, status);
        }, iter: Samples, threads: 1);

        Assert.Equal(before, (await _api.GetExecutionAsync(service, Job, executionId)).ToJsonString());
    }

    [Fact]
    public async Task BadListingQueries_AreRefusedWithProblemDetails()
    {
        var service = ApiClient.UniqueService("fuzz-list");
        // Disabled: no instant fires and changes the listing while the test runs.
        await _api.PutJobOkAsync(service, Job,
            new { invocation_target = "http://127.0.0.1:9/x", schedule = "rate(1 hour)", enabled = false });
        var stored = await JobSnapshotAsync(service);

        await BadInputs.ListingQuery.SampleAsync(async query =>
        {
            foreach (var listing in new[] { $"/services/{service}/jobs", "/jobs" })
            {
                Assert.Equal(400, await AssertRefusedAsync(HttpMethod.Get, listing + Query(query), body: null));
            }
        }, iter: Samples / 2, threads: 1);

        await BadInputs.ExecutionQuery.SampleAsync(async query =>
        {
            foreach (var listing in new[] { $"/services/{service}/executions", $"/services/{service}/jobs/{Job}/executions" })
            {
                Assert.Equal(400, await AssertRefusedAsync(HttpMethod.Get, listing + Query(query), body: null));
            }
        }, iter: Samples / 2, threads: 1);

        Assert.Equal(stored, await JobSnapshotAsync(service));
    }

    private static string Query((string Name, string Value) query) => $"?{query.Name}={Uri.EscapeDataString(query.Value)}";

    /// <summary>Sends the request; asserts a 4xx problem details and returns its status.</summary>
    private async Task<int> AssertRefusedAsync(HttpMethod method, string url, string? body)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        using var response = await _api.Http.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status is >= 400 and < 500, $"{method} {url} with {body} answered {status}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return status;
    }

    /// <summary>Everything stored for the service's jobs, as its listing shows it.</summary>
    private async Task<string> JobSnapshotAsync(string service)
    {
        using var response = await _api.Http.GetAsync($"/services/{service}/jobs");
        return (await ApiClient.ReadObjectAsync(response)).ToJsonString();
    }
}
