using System.Diagnostics.Metrics;
using JobManager.Core.Dispatch;
using JobManager.Core.Executions;
using JobManager.Core.Jobs;
using JobManager.Core.Telemetry;

namespace JobManager.Dispatcher.Telemetry;

/// <summary>
/// The dispatcher's instruments, on the meter <see cref="MeterName"/> (the service defaults export every
/// <c>JobManager.*</c> meter). Each is described, with what a healthy value looks like, in
/// <c>docs/observability.md</c>. Metric points carry the service, never the job or execution: those would
/// make a series per job.
/// </summary>
public sealed class DispatcherMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "JobManager.Dispatcher";

    /// <summary>Values of <see cref="TelemetryTags.WebhookOutcome"/>: 2xx, another status, no answer at all.</summary>
    public const string Accepted = "accepted", Rejected = "rejected", Error = "error";

    /// <summary>How old the last store sample may be before the gauges stop reporting it.</summary>
    public static readonly TimeSpan WorkSampleMaxAge = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _time;
    private readonly Histogram<long> _invocationLatency;
    private readonly Histogram<double> _webhookDuration;
    private readonly Counter<long> _finished;
    private readonly Counter<long> _missed;
    private readonly UpDownCounter<long> _webhooksActive;
    private volatile Sample? _work;

    public DispatcherMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        _time = time;
        var meter = meterFactory.Create(MeterName);
        _invocationLatency = meter.CreateHistogram<long>("jobmanager.invocation.latency", "ms",
            "From an execution's scheduled instant to a delivery's webhook being sent, for every delivery (the webhook's "
            + "invocation_latency_ms stops at the first claim and is the same in every delivery)");
        _webhookDuration = meter.CreateHistogram<double>("jobmanager.webhook.duration", "ms",
            "From sending a webhook to the service's answer (response headers), or to the error or timeout");
        _finished = meter.CreateCounter<long>("jobmanager.execution.finished", "{execution}",
            "Executions the dispatcher ended: failure by timeout, invocation_failed or exclusive_conflict");
        _missed = meter.CreateCounter<long>("jobmanager.schedule.missed", "{instant}",
            "Scheduled instants skipped because they were too late to fire (every dispatcher down or behind)");
        _webhooksActive = meter.CreateUpDownCounter<long>("jobmanager.webhook.active", "{request}",
            "Webhooks this dispatcher is sending right now (at most JobManager:Dispatcher:MaxConcurrentDeliveries)");

        meter.CreateObservableGauge("jobmanager.schedule.backlog", () => Observe(w => w.Due), "{job}",
            "Jobs whose instant has come but that no dispatcher has claimed yet, over all shards");
        meter.CreateObservableGauge("jobmanager.job.active", () => Observe(w => w.Scheduled), "{job}",
            "Jobs on the time wheel: enabled, with an instant still to come");
        meter.CreateObservableGauge("jobmanager.execution.in_flight", ObserveInFlight, "{execution}",
            "Executions pending (webhook not yet answered) or running (waiting for a final callback), over all shards");
    }

    /// <summary>Records the latency of a webhook about to be sent, and counts it as active.</summary>
    public void WebhookSending(Delivery delivery, long latencyMs)
    {
        var service = new KeyValuePair<string, object?>(TelemetryTags.Service, delivery.Job.Service);
        _invocationLatency.Record(Math.Max(0, latencyMs), service);
        _webhooksActive.Add(1, service);
    }

    /// <summary>Records how long a webhook took and how it was answered (<see cref="TelemetryTags.WebhookOutcome"/>).</summary>
    public void WebhookAnswered(Delivery delivery, TimeSpan duration, string outcome)
    {
        var service = new KeyValuePair<string, object?>(TelemetryTags.Service, delivery.Job.Service);
        _webhooksActive.Add(-1, service);
        var answer = new KeyValuePair<string, object?>(TelemetryTags.WebhookOutcome, outcome);
        _webhookDuration.Record(duration.TotalMilliseconds, service, answer);
    }

    /// <summary>Counts an execution the dispatcher ended with <c>failure</c> for <paramref name="reason"/>.</summary>
    public void Failed(JobRef job, string reason) =>
        _finished.Add(1,
            new KeyValuePair<string, object?>(TelemetryTags.Service, job.Service),
            new KeyValuePair<string, object?>(TelemetryTags.Status, ExecutionStatus.Failure),
            new KeyValuePair<string, object?>(TelemetryTags.Reason, reason));

    /// <summary>Counts what a claim recorded besides deliveries: exclusive conflicts and skipped instants.</summary>
    public void Claimed(ClaimResult result)
    {
        foreach (var job in result.ConflictedJobs)
        {
            Failed(job, FailureReason.ExclusiveConflict);
        }
        foreach (var (job, instants) in result.SkippedInstants)
        {
            Missed(job, instants);
        }
    }

    /// <summary>Counts instants of a job skipped as missed.</summary>
    public void Missed(JobRef job, int instants)
    {
        if (instants > 0)
        {
            _missed.Add(instants, new KeyValuePair<string, object?>(TelemetryTags.Service, job.Service));
        }
    }

    /// <summary>Keeps the latest store counts for the gauges, which never call Redis themselves.</summary>
    public void WorkSampled(WorkCounts counts) => _work = new Sample(counts, _time.GetUtcNow());

    private IEnumerable<Measurement<long>> Observe(Func<WorkCounts, long> value) =>
        Current() is { } work ? [new Measurement<long>(value(work))] : [];

    private IEnumerable<Measurement<long>> ObserveInFlight() => Current() is { } work
        ? [
            new Measurement<long>(work.Pending, new KeyValuePair<string, object?>(TelemetryTags.Status, ExecutionStatus.Pending)),
            new Measurement<long>(work.Running, new KeyValuePair<string, object?>(TelemetryTags.Status, ExecutionStatus.Running)),
        ]
        : [];

    // A sample older than this means Redis has been unreachable: report nothing rather than a stale count.
    private WorkCounts? Current() =>
        _work is { } sample && _time.GetUtcNow() - sample.At <= WorkSampleMaxAge ? sample.Counts : null;

    private sealed record Sample(WorkCounts Counts, DateTimeOffset At);
}
