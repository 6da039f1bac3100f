using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JobManager.Tests.Infrastructure;
using Xunit.Abstractions;

namespace JobManager.Tests.Chaos;

/// <summary>
/// Redis itself crashes: SIGKILLed while executions run, and started again on the same port, data folder
/// and append-only file, with the durability the app host gives it (<c>appendonly yes</c>,
/// <c>appendfsync everysec</c>). The Api and the dispatchers run as their own processes and stay up.
/// </summary>
[Collection(ChaosCollection.Name), NeedsRedisServer]
public sealed class RedisRestartTests(ITestOutputHelper output) : IDisposable
{
    private const int TickingJobs = 10;
    private const int MinimumDurableJobs = 5;

    // What the app host promises: a crash loses at most about the last second of writes.
    private static readonly TimeSpan DurabilityWindow = TimeSpan.FromSeconds(1);

    private readonly string _directory = Directory.CreateTempSubdirectory("jobmanager-restart-").FullName;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _acknowledgedExecutions = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _acknowledgedJobs = new();
    private readonly ConcurrentBag<Task> _callbacks = [];

    [Fact]
    public async Task RedisKilledAndRestarted_LosesNothingAcknowledgedASecondBefore_AndFiresEveryInstantOnce()
    {
        await using var redis = await RedisProcess.StartAsync(RedisServer.ServerPath!, port =>
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory, "--daemonize", "no",
             .. AppHostRedisDurability.Arguments], _directory);
        await using var receiver = await WebhookReceiver.StartAsync();
        using var system = await ChaosSystem.StartAsync($"127.0.0.1:{redis.Port}", dispatchers: 2);
        using var http = system.CreateApiClient();
        var api = new ApiClient(http);
        using var callbacks = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var service = ApiClient.UniqueService("restart");
        var ticking = Enumerable.Range(0, TickingJobs).Select(i => $"tick-{i}").ToList();
        foreach (var name in ticking)
        {
            receiver.Respond($"{service}/{name}", webhook => CallBackSuccess(callbacks, webhook));
            await PutAsync(api, service, name, receiver.UrlFor($"{service}/{name}"), "rate(1 second)", enabled: true);
        }
        await WaitForSuccessesAsync(api, service, ticking, afterMs: 0);

        // Jobs keep being created up to the kill: each answered 200 more than a second before it must survive.
        using var stopWriting = new CancellationTokenSource();
        var writer = WriteJobsAsync(api, service, receiver.UrlFor("never"), stopWriting.Token);
        // A busy machine may create few jobs a second: kill only once enough are past the durability window.
        await Wait.UntilAsync(() =>
        {
            var durableBefore = DateTimeOffset.UtcNow - DurabilityWindow;
            var durable = _acknowledgedJobs.Count(j => j.Value < durableBefore);
            return Task.FromResult(durable >= MinimumDurableJobs ? $"{durable} jobs" : null);
        }, TimeSpan.FromSeconds(60), $"{MinimumDurableJobs} jobs created a second before the kill");
        var killedAt = DateTimeOffset.UtcNow;
        redis.Kill();
        output.WriteLine($"{killedAt:HH:mm:ss.fff} SIGKILL redis-server");
        await stopWriting.CancelAsync();
        await writer;
        // The Api notices within seconds (a command already sent waits out its timeout).
        await Wait.UntilAsync(async () =>
        {
            using var response = await http.GetAsync($"/services/{service}/jobs/{ticking[0]}");
            return response.StatusCode == HttpStatusCode.ServiceUnavailable ? response.StatusCode.ToString() : null;
        }, TimeSpan.FromSeconds(30), "the Api to answer 503 while Redis is down");

        await redis.StartAgainAsync();
        var restartedAt = DateTimeOffset.UtcNow;
        output.WriteLine($"{restartedAt:HH:mm:ss.fff} redis-server restarted on its append-only file");
        await WaitForSuccessesAsync(api, service, ticking, afterMs: restartedAt.ToUnixTimeMilliseconds());

        foreach (var name in ticking)
        {
            await PutAsync(api, service, name, receiver.UrlFor($"{service}/{name}"), "rate(1 second)", enabled: false);
        }
        await Wait.UntilAsync(async () =>
        {
            var pending = await api.ListExecutionsAsync(service, query: "?status=pending&limit=1");
            var running = await api.ListExecutionsAsync(service, query: "?status=running&limit=1");
            return pending["items"]!.AsArray().Count == 0 && running["items"]!.AsArray().Count == 0 ? pending : null;
        }, TimeSpan.FromSeconds(90), "every execution to reach a final status");
        await Task.WhenAll(_callbacks);

        var durableBefore = killedAt - DurabilityWindow;
        var missed = 0;
        foreach (var name in ticking)
        {
            var executions = await api.ExecutionsAsync(service, name);
            missed += CheckEveryInstantOnce(name, executions, killedAt, restartedAt);
            var stored = executions.ToDictionary(e => e["execution_id"]!.GetValue<string>());
            foreach (var (id, acknowledgedAt) in _acknowledgedExecutions.Where(a => a.Value < durableBefore))
            {
                if (receiver.Received($"{service}/{name}").Any(w => w.ExecutionId == id))
                {
                    Assert.True(stored.TryGetValue(id, out var execution),
                        $"{name}: execution {id}, acknowledged at {acknowledgedAt:HH:mm:ss.fff}, was lost");
                    Assert.Equal("success", execution["status"]!.GetValue<string>());
                }
            }
        }
        var durableJobs = _acknowledgedJobs.Where(j => j.Value < durableBefore).Select(j => j.Key).ToList();
        foreach (var name in durableJobs)
        {
            Assert.True(await api.GetJobAsync(service, name) is not null,
                $"job {name}, created before {durableBefore:HH:mm:ss.fff}, was lost");
        }
        output.WriteLine($"executions acknowledged {_acknowledgedExecutions.Count}, jobs created {_acknowledgedJobs.Count} "
            + $"({durableJobs.Count} a second before the kill), instants missed {missed}");
        Assert.True(durableJobs.Count >= MinimumDurableJobs, $"only {durableJobs.Count} jobs were created before the kill");
    }

    // Every instant between a job's first and last execution is an execution, or was counted as missed in the
    // next one's missed_runs (after an outage longer than the missed-run grace); none fired twice.
    private static int CheckEveryInstantOnce(
        string name, IReadOnlyList<JsonObject> executions, DateTimeOffset killedAt, DateTimeOffset restartedAt)
    {
        var ordered = executions.OrderBy(e => e["scheduled_time_ms"]!.GetValue<long>()).ToList();
        var instants = ordered.Select(e => e["scheduled_time_ms"]!.GetValue<long>()).ToList();
        Assert.Equal(instants.Count, instants.Distinct().Count());
        Assert.True(instants[0] < killedAt.ToUnixTimeMilliseconds() && instants[^1] > restartedAt.ToUnixTimeMilliseconds(),
            $"{name}: instants {instants[0]}..{instants[^1]} do not span the restart");
        var missed = 0;
        for (var i = 1; i < ordered.Count; i++)
        {
            var skipped = (int)((instants[i] - instants[i - 1]) / 1000) - 1;
            Assert.True(skipped == ordered[i]["missed_runs"]!.GetValue<int>(),
                $"{name}: {skipped} instants before {instants[i]} are neither executions nor counted as missed");
            missed += skipped;
        }
        Assert.All(ordered, e => Assert.Contains(e["status"]!.GetValue<string>(), new[] { "success", "failure" }));
        return missed;
    }

    private async Task WriteJobsAsync(ApiClient api, string service, string target, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var name = $"made-{n:0000}";
            using var response = await api.PutJobAsync(
                service, name, new { invocation_target = target, schedule = "rate(1 day)", enabled = false });
            if (response.IsSuccessStatusCode)
            {
                _acknowledgedJobs[name] = DateTimeOffset.UtcNow;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }
    }

    private static async Task PutAsync(ApiClient api, string service, string name, string target, string schedule, bool enabled) =>
        await api.PutJobOkAsync(service, name, new { invocation_target = target, schedule, ttl_seconds = 5, enabled });

    // Until every job has three successful executions scheduled after afterMs: dispatch runs end to end.
    private static async Task WaitForSuccessesAsync(ApiClient api, string service, IReadOnlyList<string> names, long afterMs)
    {
        foreach (var name in names)
        {
            await Wait.UntilAsync(async () =>
            {
                var executions = await api.ExecutionsAsync(service, name);
                var done = executions.Count(e =>
                    e["status"]!.GetValue<string>() == "success" && e["scheduled_time_ms"]!.GetValue<long>() > afterMs);
                return done >= 3 ? executions : null;
            }, TimeSpan.FromSeconds(60), $"three successful executions of {name} after {afterMs}");
        }
    }

    private Task<int> CallBackSuccess(HttpClient http, ReceivedWebhook webhook)
    {
        _callbacks.Add(Task.Run(async () =>
        {
            try
            {
                using var response = await http.PostAsJsonAsync(webhook.CallbackUrl, new { status = "success", summary = "ok" });
                if (response.IsSuccessStatusCode)
                {
                    _acknowledgedExecutions[webhook.ExecutionId] = DateTimeOffset.UtcNow;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // While Redis is down the Api answers 503 or times out: not acknowledged, so not promised.
            }
        }));
        return Task.FromResult(200);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
