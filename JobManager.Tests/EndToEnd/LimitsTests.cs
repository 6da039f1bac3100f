using System.Net;
using System.Text;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

[Collection(LimitsCollection.Name)]
public sealed class LimitsTests(LimitsFixture fixture)
{
    private readonly ApiClient _admin = fixture.Client;

    private static object Job => new { invocation_target = "https://my-service.example/hook", schedule = "rate(1 hour)", enabled = false };

    [Fact]
    public async Task RateLimit_Answers429WithRetryAfter_ForThatKeyOnly()
    {
        var service = ApiClient.UniqueService();
        var (_, key) = await _admin.CreateKeyAsync(service);
        using var http = fixture.CreateApiClient(key);

        // Twice the burst at once: the bucket starts full, refills one token a second.
        var responses = await Task.WhenAll(Enumerable.Range(0, LimitsFixture.RequestBurst * 2)
            .Select(_ => http.GetAsync($"/services/{service}/jobs")));

        try
        {
            Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) >= LimitsFixture.RequestBurst);
            var limited = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);
            Assert.NotNull(limited);
            Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {limited.Headers.RetryAfter}");
            Assert.Equal(429, (await ApiClient.ReadProblemAsync(limited)).GetProperty("status").GetInt32());
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
        // Other keys have buckets of their own.
        using var admin = await _admin.Http.GetAsync($"/services/{service}/jobs");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task JobsPerService_CreatingOneTooMany_Is409_WhileUpdatesStillWork()
    {
        var service = ApiClient.UniqueService();
        for (var i = 0; i < LimitsFixture.JobsPerService; i++)
        {
            await _admin.PutJobOkAsync(service, $"job-{i}", Job);
        }

        using var refused = await _admin.PutJobAsync(service, "one-too-many", Job);
        using var updated = await _admin.PutJobAsync(service, "job-0", Job);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await ApiClient.ReadProblemAsync(refused);
        Assert.Equal(LimitsFixture.JobsPerService, problem.GetProperty("limit").GetInt32());
        Assert.Equal("JobManager:Limits:JobsPerService", problem.GetProperty("setting").GetString());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Null(await _admin.GetJobAsync(service, "one-too-many"));
    }

    [Fact]
    public async Task KeysPerService_CreatingOneTooMany_Is409()
    {
        var service = ApiClient.UniqueService();
        for (var i = 0; i < LimitsFixture.KeysPerService; i++)
        {
            await _admin.CreateKeyAsync(service);
        }

        using var refused = await _admin.Http.PostAsync($"/services/{service}/keys", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(LimitsFixture.KeysPerService, (await ApiClient.ReadProblemAsync(refused)).GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        var body = "{\"invocation_target\":\"https://x.example/\",\"schedule\":\"rate(1 hour)\",\"payload\":\"" +
            new string('p', 300 * 1024) + "\"}";

        using var response = await _admin.Http.PutAsync($"/services/{ApiClient.UniqueService()}/jobs/big",
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await ApiClient.ReadProblemAsync(response);
    }
}
