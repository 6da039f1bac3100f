using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JobManager.Tests.Infrastructure;
using Xunit.Abstractions;

namespace JobManager.Tests.Chaos;

/// <summary>
/// The reliability promise, proved under fire: every scheduled instant of an enabled job ends as
/// exactly one execution record with a final status; webhooks are at least once, and a duplicate is
/// byte-identical; nothing is lost while dispatchers are SIGKILLed, restarted and frozen past their lease.
/// </summary>
[Collection(ChaosCollection.Name)]
public class ChaosTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    private const int Jobs = 200;
    private static readonly TimeSpan ChaosDuration = TimeSpan.FromSeconds(30);

    private readonly ConcurrentBag<Task> _background = [];
    private int _callbacksSent;

    [Fact]
    public async Task EveryInstant_EndsAsExactlyOneFinalExecution_WhileDispatchersAreKilledAndFrozen()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"seed {seed}");
        await using var receiver = await WebhookReceiver.StartAsync();
        using var system = await ChaosSystem.StartAsync(redis.ConnectionString, dispatchers: 3);
        using var http = system.CreateApiClient();
        var api = new ApiClient(http);
        // The services call back with nothing but the callback URL, as real ones do.
        using var callbacks = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var service = ApiClient.UniqueService("chaos");
        var names = Enumerable.Range(0, Jobs).Select(i => $"job-{i:000}").ToList();
        for (var i = 0; i < Jobs; i++)
        {
            receiver.Respond($"{service}/{names[i]}", Behaviour(i % 20, callbacks));
        }
        using (var throttle = new SemaphoreSlim(16))
        {
            await Task.WhenAll(names.Select(async name =>
            {
                await throttle.WaitAsync();
                try
                {
                    await api.PutJobOkAsync(service, name,
                        new { invocation_target = receiver.UrlFor($"{service}/{name}"), schedule = "rate(1 second)", ttl_seconds = 3 });
                }
                finally
                {
                    throttle.Release();
                }
            }));
        }
        var chaosStarted = DateTimeOffset.UtcNow;

        var (kills, pauses) = await RunChaosAsync(system, random);

        var disabledAt = DateTimeOffset.UtcNow;
        await Task.WhenAll(names.Select(name => api.PutJobOkAsync(service, name, new
        {
            invocation_target = receiver.UrlFor($"{service}/{name}"), schedule = "rate(1 second)", ttl_seconds = 3, enabled = false,
        })));
        await Task.WhenAll(_background);
        foreach (var dispatcher in system.Dispatchers.Where(d => !d.IsRunning))
        {
            dispatcher.Start();
        }
        try
        {
            await Wait.UntilAsync(async () =>
            {
                var open = await api.ListExecutionsAsync(service, query: "?status=pending&limit=1");
                var running = await api.ListExecutionsAsync(service, query: "?status=running&limit=1");
                return open["items"]!.AsArray().Count == 0 && running["items"]!.AsArray().Count == 0 ? open : null;
            }, TimeSpan.FromSeconds(90), "every execution to reach a final status");
        }
        catch (TimeoutException)
        {
            var stuck = await api.ListExecutionsAsync(service, query: "?status=pending&limit=5");
            var running = await api.ListExecutionsAsync(service, query: "?status=running&limit=5");
            output.WriteLine($"pending: {stuck.ToJsonString()}");
            output.WriteLine($"running: {running.ToJsonString()}");
            throw;
        }
        await Task.WhenAll(_background);

        var figures = new Figures(kills, pauses);
        foreach (var name in names)
        {
            var executions = await api.ExecutionsAsync(service, name);
            var webhooks = receiver.Received($"{service}/{name}");
            Check(name, executions, webhooks, chaosStarted, disabledAt, figures);
        }
        figures.CallbacksSent = _callbacksSent;
        output.WriteLine(figures.ToString());

        Assert.Equal(0, figures.Lost);
        Assert.Equal(0, figures.MissedRuns);
        Assert.True(figures.Kills >= 5, $"only {figures.Kills} kills happened");
        Assert.Equal(1, figures.Pauses);
    }

    private void Check(string name, IReadOnlyList<JsonObject> executions, IReadOnlyList<ReceivedWebhook> webhooks,
        DateTimeOffset chaosStarted, DateTimeOffset disabledAt, Figures figures)
    {
        // Exactly one execution per instant, and no instant skipped between the first and the last.
        var instants = executions.Select(e => e["scheduled_time_ms"]!.GetValue<long>()).Order().ToList();
        Assert.Equal(instants.Count, instants.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, instants.Count).Select(i => instants[0] + i * 1000L), instants);
        // ... and the run covers the whole chaos window, so no instant was lost at either end. Disabling
        // drops instants not yet claimed, so on a loaded machine the last claimed one may trail the
        // disable by the dispatchers' backlog; more than the missed-run grace would mean a stall.
        Assert.True(instants[0] <= chaosStarted.ToUnixTimeMilliseconds() + 1000,
            $"{name}: first instant {instants[0]} after the chaos began");
        Assert.True(instants[^1] >= disabledAt.ToUnixTimeMilliseconds() - 10_000,
            $"{name}: last instant {instants[^1]} long before the job was disabled");

        foreach (var execution in executions)
        {
            var status = execution["status"]!.GetValue<string>();
            Assert.True(status is "success" or "failure", $"{name}: execution {execution["execution_id"]} is still {status}");
            figures.Count(status, execution["failure_reason"]?.GetValue<string>());
            figures.MissedRuns += execution["missed_runs"]!.GetValue<int>();
            figures.Takeovers += Math.Max(0, execution["fencing_token"]!.GetValue<int>() - 1);
        }

        // At least once: every execution's webhook arrived; a duplicate is the same bytes.
        var byId = webhooks.GroupBy(w => w.ExecutionId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var execution in executions)
        {
            var id = execution["execution_id"]!.GetValue<string>();
            if (!byId.TryGetValue(id, out var deliveries))
            {
                figures.Lost++;
                continue;
            }
            Assert.Single(deliveries.Select(d => d.Body.GetRawText()).Distinct());
            figures.Duplicates += deliveries.Count - 1;
        }
        Assert.Empty(byId.Keys.Except(executions.Select(e => e["execution_id"]!.GetValue<string>())));
        figures.Executions += executions.Count;
        figures.Webhooks += webhooks.Count;
    }

    private async Task<(int Kills, int Pauses)> RunChaosAsync(ChaosSystem system, Random random)
    {
        int kills = 0, pauses = 0;
        var end = DateTimeOffset.UtcNow + ChaosDuration;
        var pauseAt = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(8);
        while (DateTimeOffset.UtcNow < end)
        {
            await Task.Delay(random.Next(1500, 3000));
            // Always leave one dispatcher working: this test is about crashes, not a total outage.
            var working = system.Dispatchers.Where(d => d.IsRunning && !d.IsFrozen).ToList();
            if (working.Count < 2)
            {
                continue;
            }
            var victim = working[random.Next(working.Count)];
            if (pauses == 0 && DateTimeOffset.UtcNow >= pauseAt)
            {
                victim.Freeze();
                pauses++;
                output.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} SIGSTOP {victim.Name}");
                _background.Add(ThawLaterAsync(victim, TimeSpan.FromSeconds(ChaosSystem.LeaseSeconds + 3)));
            }
            else
            {
                victim.Kill();
                kills++;
                output.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} SIGKILL {victim.Name}");
                _background.Add(RestartLaterAsync(victim, TimeSpan.FromMilliseconds(random.Next(500, 2500))));
            }
        }
        return (kills, pauses);
    }

    private static async Task ThawLaterAsync(ServiceProcess dispatcher, TimeSpan after)
    {
        await Task.Delay(after);
        dispatcher.Thaw();
    }

    private static async Task RestartLaterAsync(ServiceProcess dispatcher, TimeSpan after)
    {
        await Task.Delay(after);
        dispatcher.Start();
    }

    /// <summary>How a job's service behaves, by job number modulo 20.</summary>
    private Func<ReceivedWebhook, Task<int>> Behaviour(int kind, HttpClient http) => webhook =>
    {
        switch (kind)
        {
            case < 12:
                CallBackLater(http, webhook, TimeSpan.Zero, new { status = "success", summary = "ok" });
                return Task.FromResult(200);
            case < 15:
                CallBackLater(http, webhook, TimeSpan.FromMilliseconds(1500), new { status = "success", summary = "slow" });
                return Task.FromResult(200);
            case < 17:
                CallBackLater(http, webhook, TimeSpan.Zero, new { status = "failure", summary = "failed" });
                return Task.FromResult(200);
            case 17:
                CallBackLater(http, webhook, TimeSpan.FromMilliseconds(500), new { status = "heartbeat" });
                CallBackLater(http, webhook, TimeSpan.FromMilliseconds(2500), new { status = "success", summary = "after heartbeat" });
                return Task.FromResult(200);
            case 18:
                return Task.FromResult(500);
            default:
                // Accepts and never calls back: must end as a timeout.
                return Task.FromResult(200);
        }
    };

    private void CallBackLater(HttpClient http, ReceivedWebhook webhook, TimeSpan delay, object body)
    {
        _background.Add(Task.Run(async () =>
        {
            await Task.Delay(delay);
            Interlocked.Increment(ref _callbacksSent);
            try
            {
                using var response = await http.PostAsJsonAsync(webhook.CallbackUrl, body);
            }
            catch (HttpRequestException)
            {
                // The Api never goes down here; a refused connection would show up as a timeout.
            }
        }));
    }

    private sealed class Figures(int kills, int pauses)
    {
        public int Kills => kills;
        public int Pauses => pauses;
        public int Executions { get; set; }
        public int Webhooks { get; set; }
        public int Duplicates { get; set; }
        public int Lost { get; set; }
        public int MissedRuns { get; set; }
        public int Takeovers { get; set; }
        public int CallbacksSent { get; set; }
        private readonly Dictionary<string, int> _outcomes = [];

        public void Count(string status, string? reason)
        {
            var key = reason is null ? status : $"{status}/{reason}";
            _outcomes[key] = _outcomes.GetValueOrDefault(key) + 1;
        }

        public override string ToString() =>
            $"jobs {Jobs}, executions {Executions}, webhooks delivered {Webhooks}, duplicates delivered {Duplicates}, " +
            $"takeovers {Takeovers}, kills {Kills}, pauses {Pauses}, callbacks sent {CallbacksSent}, " +
            $"missed runs {MissedRuns}, lost {Lost}; " +
            string.Join(", ", _outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"));
    }
}
