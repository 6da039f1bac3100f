extern alias dispatcher;

using dispatcher::JobManager.Dispatcher.Telemetry;
using System.Diagnostics.Metrics;
using JobManager.Core.Dispatch;
using JobManager.Core.Jobs;
using JobManager.Core.Telemetry;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace JobManager.Tests.Telemetry;

public sealed class DispatcherMetricsTests
{
    private readonly IMeterFactory _meters = TestDeliveries.NewMeterFactory();
    private readonly FakeTimeProvider _time = new(
        DateTimeOffset.Parse("2026-11-27T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private MetricCollector<T> Collect<T>(string instrument) where T : struct =>
        new(_meters, DispatcherMetrics.MeterName, instrument, _time);

    [Fact]
    public void WebhookSending_RecordsInvocationLatencyInMs_TaggedWithTheServiceOnly()
    {
        using var latency = Collect<long>("jobmanager.invocation.latency");
        var metrics = new DispatcherMetrics(_meters, _time);

        metrics.WebhookSending(TestDeliveries.Of(service: "billing"), latencyMs: 31);

        var point = Assert.Single(latency.GetMeasurementSnapshot());
        Assert.Equal(31, point.Value);
        Assert.Equal("billing", point.Tags[TelemetryTags.Service]);
        Assert.False(point.Tags.ContainsKey(TelemetryTags.Job), "a series per job would not scale");
        Assert.Equal("ms", latency.Instrument!.Unit);
    }

    [Fact]
    public void WebhookSendingThenAnswered_RecordsDurationAndOutcome_AndActiveWebhooksReturnToZero()
    {
        using var duration = Collect<double>("jobmanager.webhook.duration");
        using var active = Collect<long>("jobmanager.webhook.active");
        var metrics = new DispatcherMetrics(_meters, _time);
        var delivery = TestDeliveries.Of();

        metrics.WebhookSending(delivery, 5);
        metrics.WebhookAnswered(delivery, TimeSpan.FromMilliseconds(120), DispatcherMetrics.Rejected);

        var point = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.Equal(120, point.Value, precision: 3);
        Assert.Equal("rejected", point.Tags[TelemetryTags.WebhookOutcome]);
        Assert.Equal([1L, -1L], active.GetMeasurementSnapshot().Select(m => m.Value));
    }

    [Fact]
    public void Claimed_CountsExclusiveConflictsAsFailures_AndSkippedInstantsAsMissed()
    {
        using var finished = Collect<long>("jobmanager.execution.finished");
        using var missed = Collect<long>("jobmanager.schedule.missed");
        var metrics = new DispatcherMetrics(_meters, _time);
        var job = new JobRef("the-serv", "nightly");

        metrics.Claimed(new ClaimResult([], [], Conflicts: 1, Missed: 1, Candidates: 2)
        {
            ConflictedJobs = [job],
            SkippedInstants = [(job, 3), (new JobRef("other", "hourly"), 2)],
        });

        var failure = Assert.Single(finished.GetMeasurementSnapshot());
        Assert.Equal(1, failure.Value);
        Assert.Equal("failure", failure.Tags[TelemetryTags.Status]);
        Assert.Equal("exclusive_conflict", failure.Tags[TelemetryTags.Reason]);
        Assert.Equal(5, missed.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal("{instant}", missed.Instrument!.Unit);
    }

    [Fact]
    public void Gauges_ReportTheLastWorkSample_WithoutCallingRedis()
    {
        using var backlog = Collect<long>("jobmanager.schedule.backlog");
        using var active = Collect<long>("jobmanager.job.active");
        using var inFlight = Collect<long>("jobmanager.execution.in_flight");
        var metrics = new DispatcherMetrics(_meters, _time);

        metrics.WorkSampled(new WorkCounts(Due: 4, Scheduled: 120, Pending: 7, Running: 30));
        foreach (var collector in new[] { backlog, active, inFlight })
        {
            collector.RecordObservableInstruments();
        }

        Assert.Equal(4, backlog.LastMeasurement!.Value);
        Assert.Equal(120, active.LastMeasurement!.Value);
        var byStatus = inFlight.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags[TelemetryTags.Status]!, m => m.Value);
        Assert.Equal(new Dictionary<string, long> { ["pending"] = 7, ["running"] = 30 }, byStatus);
    }

    [Fact]
    public void Gauges_ReportNothing_BeforeTheFirstSample_OrWhenTheLastIsStale()
    {
        using var backlog = Collect<long>("jobmanager.schedule.backlog");
        var metrics = new DispatcherMetrics(_meters, _time);

        backlog.RecordObservableInstruments();
        Assert.Empty(backlog.GetMeasurementSnapshot());

        metrics.WorkSampled(new WorkCounts(1, 1, 0, 0));
        _time.Advance(DispatcherMetrics.WorkSampleMaxAge + TimeSpan.FromSeconds(1));
        backlog.RecordObservableInstruments();
        Assert.Empty(backlog.GetMeasurementSnapshot());
    }
}
