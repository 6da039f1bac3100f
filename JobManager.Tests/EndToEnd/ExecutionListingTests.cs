using System.Net;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

[Collection(AppHostCollection.Name)]
public sealed class ExecutionListingTests(AppHostFixture fixture)
{
    private readonly ApiClient _api = fixture.Client;
    private readonly WebhookReceiver _receiver = fixture.Receiver;

    [Fact]
    public async Task Listing_IsNewestFirst_FiltersByStatus_AndPagesOverEveryExecutionOnce()
    {
        var service = ApiClient.UniqueService();
        var okPath = $"{service}/ok";
        var badPath = $"{service}/bad";
        _receiver.Respond(badPath, _ => Task.FromResult(500));
        await _api.PutJobOkAsync(service, "ok", new { invocation_target = _receiver.UrlFor(okPath), schedule = "rate(1 day)" });
        await _api.PutJobOkAsync(service, "bad", new { invocation_target = _receiver.UrlFor(badPath), schedule = "rate(1 day)" });

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            foreach (var job in new[] { "ok", "bad" })
            {
                using var run = await _api.Http.PostAsync($"/services/{service}/jobs/{job}/executions", null);
                ids.Add((await ApiClient.ReadObjectAsync(run))["execution_id"]!.GetValue<string>());
            }
        }
        await Wait.UntilAsync(async () =>
        {
            var failed = await _api.ListExecutionsAsync(service, query: "?status=failure");
            return failed["items"]!.AsArray().Count == 3 ? failed : null;
        }, TimeSpan.FromSeconds(20), "three failed executions");

        var seen = new List<(long Scheduled, string Id)>();
        string? cursor = null;
        do
        {
            var page = await _api.ListExecutionsAsync(service, query: "?limit=4" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(
                page["items"]!.AsArray().Select(e => (e!["scheduled_time_ms"]!.GetValue<long>(), e["execution_id"]!.GetValue<string>())));
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(ids.Order(), seen.Select(s => s.Id).Order());
        Assert.Equal(seen.OrderByDescending(s => s.Scheduled).ThenByDescending(s => s.Id, StringComparer.Ordinal), seen);

        var running = await _api.ExecutionsAsync(service, "ok", "?status=running");
        Assert.Equal(3, running.Count);
        Assert.All(running, e => Assert.Equal("ok", e["job_name"]!.GetValue<string>()));

        var future = await _api.ListExecutionsAsync(service, query: "?from=2199-01-01T00:00:00Z");
        Assert.Empty(future["items"]!.AsArray());
        var window = await _api.ListExecutionsAsync(service,
            query: $"?from={DateTime.UtcNow.AddMinutes(-5):O}&to={DateTime.UtcNow.AddMinutes(1):O}");
        Assert.Equal(6, window["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task GetExecution_OfAnotherJob_IsNotFound()
    {
        var service = ApiClient.UniqueService();
        await _api.PutJobOkAsync(service, "one", new { invocation_target = _receiver.UrlFor($"{service}/one"), schedule = "rate(1 day)" });
        await _api.PutJobOkAsync(service, "two", new { invocation_target = _receiver.UrlFor($"{service}/two"), schedule = "rate(1 day)" });
        using var run = await _api.Http.PostAsync($"/services/{service}/jobs/one/executions", null);
        var id = (await ApiClient.ReadObjectAsync(run))["execution_id"]!.GetValue<string>();

        using var wrongJob = await _api.Http.GetAsync($"/services/{service}/jobs/two/executions/{id}");
        using var garbage = await _api.Http.GetAsync($"/services/{service}/jobs/one/executions/nope");

        Assert.Equal(HttpStatusCode.NotFound, wrongJob.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
    }

    [Theory]
    [InlineData("?status=done", "status")]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    [InlineData("?limit=-1", "limit")]
    [InlineData("?cursor=MTp4", "cursor")]
    public async Task Listing_RefusesBadQueries(string query, string field)
    {
        using var response = await _api.Http.GetAsync($"/services/{ApiClient.UniqueService()}/executions{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }
}
