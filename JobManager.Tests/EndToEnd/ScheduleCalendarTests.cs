using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

/// <summary><c>timezone</c>, <c>start_time</c> and <c>end_time</c> through the Api, the wheel and the webhooks.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ScheduleCalendarTests(AppHostFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ApiClient _api = fixture.Client;
    private readonly WebhookReceiver _receiver = fixture.Receiver;

    [Fact]
    public async Task Get_ReturnsUtcAndNoBounds_WhenTheJobSetsNone()
    {
        var service = ApiClient.UniqueService();
        await _api.PutJobOkAsync(service, "plain", new { invocation_target = "https://example.com/hook", schedule = "rate(1 hour)" });

        var job = (await _api.GetJobAsync(service, "plain"))!;

        Assert.Equal("UTC", job["timezone"]!.GetValue<string>());
        Assert.True(job.ContainsKey("start_time") && job["start_time"] is null);
        Assert.True(job.ContainsKey("end_time") && job["end_time"] is null);
    }

    [Fact]
    public async Task CronInBerlin_IsNextAtNineLocal_AndGetReturnsTheFields()
    {
        var service = ApiClient.UniqueService();
        var body = new
        {
            invocation_target = "https://example.com/hook",
            schedule = "cron(0 9 * * ? *)",
            timezone = "Europe/Berlin",
            start_time = "2037-07-01T00:00:00Z",
            end_time = "2037-12-31T23:59:59.500Z",
        };
        await _api.PutJobOkAsync(service, "berlin", body);

        var job = (await _api.GetJobAsync(service, "berlin"))!;

        Assert.Equal("2037-07-01T07:00:00Z", job["next_scheduled_time"]!.GetValue<string>());
        Assert.Equal("Europe/Berlin", job["timezone"]!.GetValue<string>());
        Assert.Equal("2037-07-01T00:00:00.000Z", job["start_time"]!.GetValue<string>());
        Assert.Equal("2037-12-31T23:59:59.500Z", job["end_time"]!.GetValue<string>());
        // What GET returned may be PUT back unchanged.
        Assert.Equal("Europe/Berlin", (await _api.PutJobOkAsync(service, "berlin", job))["timezone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_NamesEveryBadCalendarField_AtOnce()
    {
        using var response = await _api.PutJobAsync(ApiClient.UniqueService(), "bad", new
        {
            invocation_target = "https://example.com/hook",
            schedule = "cron(0 9 * * ? *)",
            timezone = "Mars/Olympus_Mons",
            start_time = "2030-01-02T00:00:00Z",
            end_time = "2030-01-01T00:00:00Z",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiClient.ReadProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("timezone", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("end_time", out _), errors.ToString());
    }

    [Theory]
    [InlineData("start_time", "2030-01-01T00:00:00")]
    [InlineData("start_time", "tomorrow")]
    [InlineData("end_time", "12")]
    public async Task Put_RefusesAnInstantWithoutZone_OrNotAnInstant(string field, string value)
    {
        var body = new Dictionary<string, object>
        {
            ["invocation_target"] = "https://example.com/hook", ["schedule"] = "rate(1 hour)", [field] = value,
        };
        using var response = await _api.PutJobAsync(ApiClient.UniqueService(), "bad", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task JobPastItsEnd_HasNoNextInstant_AndIsStillListed()
    {
        var service = ApiClient.UniqueService();
        await _api.PutJobOkAsync(service, "over", new
        {
            invocation_target = "https://example.com/hook", schedule = "rate(1 minute)", end_time = "2020-01-01T00:00:00Z",
        });

        var listing = await _api.Http.GetFromJsonAsync<JsonElement>($"/services/{service}/jobs");
        var job = Assert.Single(listing.GetProperty("items").EnumerateArray());

        Assert.Equal(JsonValueKind.Null, job.GetProperty("next_scheduled_time").ValueKind);
        Assert.Equal(JsonValueKind.Null, job.GetProperty("next_scheduled_time_ms").ValueKind);
    }

    [Fact]
    public async Task RateJob_FiresOnlyBetweenStartAndEnd()
    {
        var service = ApiClient.UniqueService();
        var path = $"calendar/{service}";
        var now = DateTimeOffset.UtcNow;
        var start = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() + 3);
        var end = start.AddSeconds(2);
        await _api.PutJobOkAsync(service, "bounded", new
        {
            invocation_target = _receiver.UrlFor(path), schedule = "rate(1 second)",
            start_time = start.ToString("O"), end_time = end.ToString("O"),
        });

        var webhooks = await _receiver.WaitForAsync(path, 3, Timeout);
        var job = await Wait.UntilAsync(
            async () => await _api.GetJobAsync(service, "bounded") is { } j && j["next_scheduled_time_ms"] is null ? j : null,
            Timeout, "the job to pass its end");

        long[] expected = [start.ToUnixTimeMilliseconds(), start.ToUnixTimeMilliseconds() + 1000, end.ToUnixTimeMilliseconds()];
        Assert.Equal(expected, webhooks.Select(w => w.ScheduledTimeMs).Order().Take(4));
        var scheduled = (await _api.ExecutionsAsync(service, "bounded")).Select(e => e["scheduled_time_ms"]!.GetValue<long>()).Order();
        Assert.Equal(expected, scheduled);
        Assert.Equal("bounded", job["job_name"]!.GetValue<string>());
    }

    // --- GET /schedules/next ---

    [Theory]
    [InlineData("cron(30 2 * * ? *)", "2027-03-14T00:00:00Z", "2027-03-14T07:00:00Z", "2027-03-15T06:30:00Z")]
    [InlineData("cron(30 1 * * ? *)", "2027-11-07T00:00:00Z", "2027-11-07T05:30:00Z", "2027-11-08T06:30:00Z")]
    [InlineData("cron(0/30 * * * ? *)", "2027-11-07T04:50:00Z", "2027-11-07T05:00:00Z", "2027-11-07T05:30:00Z", "2027-11-07T06:00:00Z", "2027-11-07T06:30:00Z")]
    public async Task SchedulesNext_FollowsNewYorkDaylightSaving(string expression, string after, params string[] expected)
    {
        var preview = await _api.Http.GetFromJsonAsync<JsonElement>(
            $"/schedules/next?expression={Uri.EscapeDataString(expression)}&after={after}&count={expected.Length}&timezone=America/New_York");

        Assert.Equal(expected, preview.GetProperty("times").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public async Task SchedulesNext_RefusesAnUnknownTimezone()
    {
        using var response = await _api.Http.GetAsync("/schedules/next?expression=cron(0%209%20*%20*%20?%20*)&timezone=Nowhere/Land");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadProblemAsync(response)).GetProperty("errors").TryGetProperty("timezone", out _));
    }
}
