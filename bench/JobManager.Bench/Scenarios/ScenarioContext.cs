using JobManager.Bench.Client;
using JobManager.Bench.Metrics;
using JobManager.Bench.Options;
using JobManager.Bench.Progress;
using JobManager.Bench.Receiver;
using JobManager.Bench.Reports;
using JobManager.Bench.SelfHost;

namespace JobManager.Bench.Scenarios;

/// <summary>What a scenario works with: the options, the system, the receiver, an Api client and the meters.</summary>
public sealed class ScenarioContext(
    BenchOptions options,
    ISystemUnderTest system,
    WebhookReceiver receiver,
    JobsClient client,
    CpuMeter cpu,
    RedisInfo? redis,
    RunConditions conditions,
    string runId,
    CancellationToken cancellationToken)
{
    /// <summary>A service's jobs' time to answer callbacks: long enough never to time out in a run.</summary>
    public const int TtlSeconds = 300;

    public BenchOptions Options => options;

    public ISystemUnderTest System => system;

    public WebhookReceiver Receiver => receiver;

    public JobsClient Client => client;

    public CpuMeter Cpu => cpu;

    public RedisInfo? Redis => redis;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>A service name no other run uses, so arrivals and jobs of runs never mix.</summary>
    public string ServiceName(string purpose) => $"bench-{purpose}-{runId}";

    public JobSpec Job(string service, string job, string schedule, bool enabled = true) =>
        new(service, job,
            new JobBody(receiver.WebhookUrl.ToString(), schedule, TtlSeconds, """{"bench":true}""", Exclusive: false, Enabled: enabled));

    /// <summary>A progress line with the receiver's counters after the scenario's own status.</summary>
    public ProgressLine Progress(string label, Func<string>? status = null) => new(label, () =>
    {
        var callbacks = receiver.Callbacks;
        var own = status?.Invoke();
        return (own is null ? "" : own + " | ") +
            $"webhooks {receiver.Arrivals.Count:N0} | callbacks ok {callbacks.Succeeded:N0}, pending {callbacks.Outstanding:N0}";
    });

    /// <summary>Waits until every callback asked for has been answered, or <paramref name="timeout"/> passes.</summary>
    public async Task WaitForCallbacksAsync(TimeSpan timeout)
    {
        var until = WallClock.NowMs + timeout.TotalMilliseconds;
        while (receiver.Callbacks.Outstanding > 0 && WallClock.NowMs < until)
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>PUTs specs with the configured concurrency, showing progress.</summary>
    public async Task<BulkPutResult> CreateAsync(string label, IReadOnlyList<JobSpec> specs)
    {
        var done = 0;
        await using var progress = Progress(label, () => $"created {Volatile.Read(ref done):N0}/{specs.Count:N0} jobs");
        return await BulkPut.RunAsync(client, specs, options.PutConcurrency, n => Volatile.Write(ref done, n), cancellationToken);
    }

    /// <summary>On a live system, removes the scenario's jobs so they stop firing; a self-hosted system goes whole.</summary>
    public async Task CleanUpAsync(IEnumerable<JobSpec> specs)
    {
        if (system is LiveSystem)
        {
            await BulkPut.DeleteAllAsync(client, specs, options.PutConcurrency, cancellationToken);
        }
    }

    public ScenarioReport Report(string scenario, DateTimeOffset startedAt, IReadOnlyList<Metric> metrics, object? details,
        IReadOnlyList<string> notes)
    {
        var allNotes = notes.ToList();
        var callbacks = receiver.Callbacks;
        if (!callbacks.Rejected.IsEmpty)
        {
            allNotes.Add("callbacks answered non-2xx: " +
                string.Join(", ", callbacks.Rejected.Select(kv => $"HTTP {kv.Key} × {kv.Value}")));
        }
        if (callbacks.Errors > 0)
        {
            allNotes.Add($"{callbacks.Errors} callbacks got no answer (connection error or timeout)");
        }
        if (callbacks.Refused > 0)
        {
            allNotes.Add($"{callbacks.Refused} callbacks not sent: callback_url was not a loopback address");
        }
        if (receiver.Arrivals.Unparsable > 0)
        {
            allNotes.Add($"{receiver.Arrivals.Unparsable} webhooks had a body without execution_id/service_name/job_name");
        }
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null;
        return new ScenarioReport(scenario, startedAt, WallClock.Now, conditions with { LoadAverage = load }, metrics, callbacks.Summary(),
            details, allNotes);
    }
}
