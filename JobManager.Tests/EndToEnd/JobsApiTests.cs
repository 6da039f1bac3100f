using System.Net;
using System.Net.Http.Json;
using System.Text;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

[Collection(AppHostCollection.Name)]
public sealed class JobsApiTests(AppHostFixture fixture)
{
    private readonly ApiClient _api = fixture.Client;

    private object SeedJob => new
    {
        async = true,
        enabled = true,
        exclusive = false,
        invocation_target = "http://127.0.0.1:9/webhook",
        invocation_type = "http",
        payload = "{\"foo\":\"bar2\"}",
        schedule = "cron(*/5 * * * ? *)",
        ttl_seconds = 119,
    };

    [Fact]
    public async Task Put_CreatesWith201AndLocation_ThenUpdatesWith200()
    {
        var service = ApiClient.UniqueService();

        using var created = await _api.PutJobAsync(service, "my-job", SeedJob);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/services/{service}/jobs/my-job", created.Headers.Location?.OriginalString);
        var job = await ApiClient.ReadObjectAsync(created);
        Assert.Equal(service, job["service"]!.GetValue<string>());
        Assert.Equal("my-job", job["job_name"]!.GetValue<string>());
        Assert.Equal("cron(*/5 * * * ? *)", job["schedule"]!.GetValue<string>());
        Assert.Equal(119, job["ttl_seconds"]!.GetValue<int>());
        Assert.Equal("{\"foo\":\"bar2\"}", job["payload"]!.GetValue<string>());
        var next = job["next_scheduled_time"]!.GetValue<string>();
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d[05]:00Z$", next);
        Assert.Equal(DateTimeOffset.Parse(next).ToUnixTimeMilliseconds(), job["next_scheduled_time_ms"]!.GetValue<long>());
        Assert.EndsWith("Z", job["created_at"]!.GetValue<string>());

        using var updated = await _api.PutJobAsync(service, "my-job",
            new { invocation_target = "http://127.0.0.1:9/other", schedule = "rate(5 minutes)" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await ApiClient.ReadObjectAsync(updated);
        Assert.Equal(job["created_at"]!.GetValue<string>(), after["created_at"]!.GetValue<string>());
        Assert.Equal("rate(5 minutes)", after["schedule"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_AppliesDocumentedDefaults()
    {
        var job = await _api.PutJobOkAsync(ApiClient.UniqueService(), "defaults",
            new { invocation_target = "https://example.com/hook", schedule = "rate(1 hour)" });

        Assert.True(job["async"]!.GetValue<bool>());
        Assert.True(job["enabled"]!.GetValue<bool>());
        Assert.False(job["exclusive"]!.GetValue<bool>());
        Assert.Equal("http", job["invocation_type"]!.GetValue<string>());
        Assert.Null(job["payload"]);
        Assert.Equal(300, job["ttl_seconds"]!.GetValue<int>());
        Assert.Equal(60, job["catchup_window_seconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task Timestamps_HaveThreeFractionDigitsAndZ_AndTheOpenApiDocumentCallsThemDateTimes()
    {
        var job = await _api.PutJobOkAsync(ApiClient.UniqueService(), "stamps",
            new { invocation_target = "https://example.com/hook", schedule = "rate(1 hour)" });
        var document = await _api.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json");

        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", job["created_at"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", job["updated_at"]!.GetValue<string>());
        var createdAt = document.GetProperty("components").GetProperty("schemas").GetProperty("JobResponse").GetProperty("properties")
            .GetProperty("created_at");
        Assert.Equal("date-time", createdAt.GetProperty("format").GetString());
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { "{\"invocation_target\":\"http://x.example/\",\"schedule\":\"rate(1 hour)\",\"ttl_second\":5}", "ttl_second" },
        { "{\"invocation_target\":\"http://x.example/\",\"schedule\":\"rate(1 hour)\",\"payload\":{\"foo\":\"bar\"}}", "payload" },
        { "{\"invocation_target\":\"http://x.example/\",\"schedule\":\"rate(1 hour)\",\"async\":false}", "async" },
        { "{\"invocation_target\":\"http://x.example/\",\"schedule\":\"rate(1 hour)\",\"invocation_type\":\"sqs\"}", "invocation_type" },
        { "{\"invocation_target\":\"/relative/path\",\"schedule\":\"rate(1 hour)\"}", "invocation_target" },
        { "{\"invocation_target\":\"ftp://x.example/\",\"schedule\":\"rate(1 hour)\"}", "invocation_target" },
        { "{\"invocation_target\":\"http://x.example/\",\"schedule\":\"rate(1 hour)\",\"ttl_seconds\":0}", "ttl_seconds" },
        { "{\"invocation_target\":\"http://x.example/\",\"schedule\":\"rate(1 hour)\",\"ttl_seconds\":86401}", "ttl_seconds" },
        { "{\"invocation_target\":\"http://x.example/\",\"schedule\":\"rate(1 hour)\",\"ttl_seconds\":\"60\"}", "ttl_seconds" },
        { "{\"invocation_target\":\"http://x.example/\",\"schedule\":\"rate(1 hour)\",\"enabled\":\"yes\"}", "enabled" },
        { "{\"invocation_target\":\"http://x.example/\",\"schedule\":\"cron(0 0 * * 8 ? )\"}", "schedule" },
        { "{\"invocation_target\":\"http://x.example/\",\"schedule\":\"every day\"}", "schedule" },
        { "{\"invocation_target\":\"http://x.example/\"}", "schedule" },
        { "{\"schedule\":\"rate(1 hour)\"}", "invocation_target" },
        { "{\"invocation_target\":\"http://x.example/\",\"schedule\":", "body" },
        { "[]", "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Put_RefusesBadInput_With400NamingTheField(string body, string field)
    {
        var service = ApiClient.UniqueService();
        using var response = await _api.Http.PutAsync($"/services/{service}/jobs/bad",
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ReadProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Null(await _api.GetJobAsync(service, "bad"));
    }

    [Fact]
    public async Task Put_RefusesOversizedPayload()
    {
        using var response = await _api.PutJobAsync(ApiClient.UniqueService(), "big", new
        {
            invocation_target = "http://x.example/", schedule = "rate(1 hour)", payload = new string('p', 64 * 1024 + 1),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadProblemAsync(response)).GetProperty("errors").TryGetProperty("payload", out _));
    }

    [Fact]
    public async Task Put_InvalidCronField_SaysWhichAndWhy()
    {
        using var response = await _api.PutJobAsync(ApiClient.UniqueService(), "cron",
            new { invocation_target = "http://x.example/", schedule = "cron(0 0 ? * 8 *)" });
        var problem = await ApiClient.ReadProblemAsync(response);
        Assert.Equal("day-of-week: 8 is out of range 1-7 (SUN-SAT)", problem.GetProperty("errors").GetProperty("schedule")[0].GetString());
    }

    [Theory]
    [InlineData("-bad", "job")]
    [InlineData("has space", "job")]
    [InlineData("this-name-is-far-too-long-for-a-job-name-because-it-goes-past-sixty-four", "job")]
    public async Task Put_RefusesBadNames(string job, string field)
    {
        using var response = await _api.PutJobAsync(ApiClient.UniqueService(), Uri.EscapeDataString(job),
            new { invocation_target = "http://x.example/", schedule = "rate(1 hour)" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task GetAndDelete_AnswerNotFound_ForMissingJobs()
    {
        var service = ApiClient.UniqueService();
        using var get = await _api.Http.GetAsync($"/services/{service}/jobs/nope");
        using var delete = await _api.Http.DeleteAsync($"/services/{service}/jobs/nope");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        await ApiClient.ReadProblemAsync(get);
    }

    [Fact]
    public async Task List_OrdersByName_FiltersEnabled_AndPagesWithCursor()
    {
        var service = ApiClient.UniqueService();
        string[] names = ["e-job", "a-job", "d.job", "b_job", "c-job"];
        foreach (var name in names)
        {
            await _api.PutJobOkAsync(service, name,
                new { invocation_target = "http://x.example/", schedule = "rate(1 hour)", enabled = name != "c-job" });
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await ApiClient.ReadObjectAsync(
                await _api.Http.GetAsync($"/services/{service}/jobs?limit=2" + (cursor is null ? "" : $"&cursor={cursor}")));
            Assert.True(page["items"]!.AsArray().Count <= 2);
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["job_name"]!.GetValue<string>()));
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(names.Order(StringComparer.Ordinal), seen);
        var disabled = await ApiClient.ReadObjectAsync(await _api.Http.GetAsync($"/services/{service}/jobs?enabled=false"));
        Assert.Equal(["c-job"], disabled["items"]!.AsArray().Select(i => i!["job_name"]!.GetValue<string>()));
        var all = await ApiClient.ReadObjectAsync(await _api.Http.GetAsync($"/jobs?service={service}&limit=1000"));
        Assert.Equal(5, all["items"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=1001", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?cursor=not-a-cursor", "cursor")]
    [InlineData("?enabled=maybe", "enabled")]
    public async Task List_RefusesBadQueries(string query, string field)
    {
        using var response = await _api.Http.GetAsync("/jobs" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task SchedulePreview_ListsTheNextInstants()
    {
        var preview = await ApiClient.ReadObjectAsync(await _api.Http.GetAsync(
            "/schedules/next?expression=" + Uri.EscapeDataString("cron(0 18 ? * MON-FRI *)") + "&count=3&after=2026-11-26T19:00:00Z"));
        Assert.Equal("cron(0 18 ? * MON-FRI *)", preview["expression"]!.GetValue<string>());
        Assert.Equal(["2026-11-27T18:00:00Z", "2026-11-30T18:00:00Z", "2026-12-01T18:00:00Z"],
            preview["times"]!.AsArray().Select(t => t!.GetValue<string>()));

        using var bad = await _api.Http.GetAsync("/schedules/next?expression=" + Uri.EscapeDataString("cron(0 18 ? * MON-FRI *)") +
            "&count=101");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_IsServed()
    {
        var document = await _api.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json");
        Assert.True(document.GetProperty("paths").TryGetProperty("/services/{service}/jobs/{job}", out _));
    }
}
