using System.Diagnostics;
using System.Net;
using JobManager.Tests.Infrastructure;
using Xunit.Abstractions;

namespace JobManager.Tests.Chaos;

/// <summary>Redis going away and an orderly stop: what users see, and what is left afterwards.</summary>
[Collection(ChaosCollection.Name)]
public sealed class FaultTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task RedisOutage_ApiAnswers503_AndAfterwardsEveryInstantRunsOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var system = await ChaosSystem.StartAsync(redis.ConnectionString, dispatchers: 2);
        using var http = system.CreateApiClient();
        var api = new ApiClient(http);
        var service = ApiClient.UniqueService("outage");
        var names = Enumerable.Range(0, 10).Select(i => $"job-{i}").ToList();
        await Task.WhenAll(names.Select(name => api.PutJobOkAsync(service, name, new
        {
            invocation_target = receiver.UrlFor($"{service}/{name}"), schedule = "rate(1 second)",
        })));
        await Task.Delay(TimeSpan.FromSeconds(2));

        redis.Freeze();
        var outageStarted = DateTimeOffset.UtcNow;
        var put = api.PutJobAsync(service, "during-outage", new { invocation_target = receiver.UrlFor("x"), schedule = "rate(1 hour)" });
        // Redis stays frozen for about 6 s whatever the machine's load: shorter than the missed-run grace.
        await Task.WhenAny(put, Task.Delay(TimeSpan.FromSeconds(8)));
        var left = TimeSpan.FromSeconds(6) - (DateTimeOffset.UtcNow - outageStarted);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }
        redis.Thaw();
        var outageEnded = DateTimeOffset.UtcNow;
        using var response = await put;
        output.WriteLine($"PUT during the outage: {(int)response.StatusCode}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        await Task.Delay(TimeSpan.FromSeconds(5));
        await Task.WhenAll(names.Select(name => api.PutJobOkAsync(service, name, new
        {
            invocation_target = receiver.UrlFor($"{service}/{name}"), schedule = "rate(1 second)", enabled = false,
        })));
        // A write that timed out may have landed when Redis resumed, but never half of it.
        if (await api.GetJobAsync(service, "during-outage") is { } landed)
        {
            Assert.Equal("rate(1 hour)", landed["schedule"]!.GetValue<string>());
            Assert.NotNull(landed["next_scheduled_time"]);
        }

        foreach (var name in names)
        {
            var executions = await api.ExecutionsAsync(service, name);
            var instants = executions.Select(e => e["scheduled_time_ms"]!.GetValue<long>()).Order().ToList();
            // The outage was shorter than the missed-run grace: every instant in it fired afterwards, once.
            Assert.Equal(Enumerable.Range(0, instants.Count).Select(i => instants[0] + i * 1000L), instants);
            Assert.True(instants[0] < outageStarted.ToUnixTimeMilliseconds() && instants[^1] > outageEnded.ToUnixTimeMilliseconds(),
                $"{name}: instants {instants[0]}..{instants[^1]} do not span the outage");
            Assert.All(executions, e => Assert.Equal(0, e["missed_runs"]!.GetValue<int>()));
            var webhooks = receiver.Received($"{service}/{name}");
            Assert.Equal(executions.Count, webhooks.Select(w => w.ExecutionId).Distinct().Count());
        }
    }

    [Fact]
    public async Task Sigterm_StopsClaiming_LetsDeliveriesInFlightFinish_AndExitsWithin10Seconds()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var system = await ChaosSystem.StartAsync(redis.ConnectionString, dispatchers: 1);
        using var http = system.CreateApiClient();
        var api = new ApiClient(http);
        var service = ApiClient.UniqueService("sigterm");
        var path = $"{service}/slow";
        // The service takes 1.5 s to accept: the deliveries are in flight when the stop comes.
        receiver.Respond(path, async _ =>
        {
            await Task.Delay(1500);
            return 200;
        });
        await api.PutJobOkAsync(service, "slow",
            new { invocation_target = receiver.UrlFor(path), schedule = "rate(1 day)", ttl_seconds = 300 });
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var run = await http.PostAsync($"/services/{service}/jobs/slow/executions", null);
            ids.Add((await ApiClient.ReadObjectAsync(run))["execution_id"]!.GetValue<string>());
        }
        await receiver.WaitForAsync(path, 5, TimeSpan.FromSeconds(10));

        var dispatcher = system.Dispatchers[0];
        var stopping = Stopwatch.StartNew();
        dispatcher.Terminate();
        var exited = dispatcher.WaitForExit(TimeSpan.FromSeconds(15));
        output.WriteLine($"exited after {stopping.Elapsed.TotalSeconds:F1} s");

        Assert.True(exited, "the dispatcher was still running 15 s after SIGTERM");
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(11), $"stopping took {stopping.Elapsed.TotalSeconds:F1} s");
        foreach (var id in ids)
        {
            var execution = await api.GetExecutionAsync(service, "slow", id);
            Assert.Equal("running", execution["status"]!.GetValue<string>());
        }
    }
}
