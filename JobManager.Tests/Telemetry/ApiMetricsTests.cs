extern alias api;

using System.Diagnostics.Metrics;
using api::JobManager.Api.Telemetry;
using JobManager.Core.Executions;
using JobManager.Core.Jobs;
using JobManager.Core.Telemetry;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace JobManager.Tests.Telemetry;

public sealed class ApiMetricsTests
{
    private readonly IMeterFactory _meters = TestDeliveries.NewMeterFactory();

    private static CallbackSubject Subject(long? invokedMs = 1_000) => new(new JobRef("the-serv", "my-job-1"), 1, invokedMs, null);

    [Fact]
    public void SuccessCallback_CountsCallbackAndFinishedExecution_AndRecordsDurationFromInvocation()
    {
        using var callbacks = new MetricCollector<long>(_meters, ApiMetrics.MeterName, "jobmanager.callback.received");
        using var finished = new MetricCollector<long>(_meters, ApiMetrics.MeterName, "jobmanager.execution.finished");
        using var duration = new MetricCollector<long>(_meters, ApiMetrics.MeterName, "jobmanager.execution.duration");
        var metrics = new ApiMetrics(_meters);

        metrics.Callback("success", new CallbackOutcome.Applied("success", TimeMs: 3_392) { Subject = Subject(invokedMs: 1_000) });

        var callback = Assert.Single(callbacks.GetMeasurementSnapshot());
        Assert.Equal("success", callback.Tags[TelemetryTags.CallbackKind]);
        Assert.Equal("applied", callback.Tags[TelemetryTags.CallbackOutcome]);
        Assert.Equal("the-serv", callback.Tags[TelemetryTags.Service]);
        var done = Assert.Single(finished.GetMeasurementSnapshot());
        Assert.Equal("success", done.Tags[TelemetryTags.Status]);
        Assert.False(done.Tags.ContainsKey(TelemetryTags.Reason));
        Assert.Equal(2_392, Assert.Single(duration.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public void FailureCallback_CountsFailureWithReasonReported()
    {
        using var finished = new MetricCollector<long>(_meters, ApiMetrics.MeterName, "jobmanager.execution.finished");
        var metrics = new ApiMetrics(_meters);

        metrics.Callback("failure", new CallbackOutcome.Applied("failure", 2_000) { Subject = Subject() });

        var done = Assert.Single(finished.GetMeasurementSnapshot());
        Assert.Equal("failure", done.Tags[TelemetryTags.Status]);
        Assert.Equal("reported", done.Tags[TelemetryTags.Reason]);
    }

    [Fact]
    public void Heartbeat_AndLateCallback_AreCounted_ButFinishNothing()
    {
        using var callbacks = new MetricCollector<long>(_meters, ApiMetrics.MeterName, "jobmanager.callback.received");
        using var finished = new MetricCollector<long>(_meters, ApiMetrics.MeterName, "jobmanager.execution.finished");
        using var duration = new MetricCollector<long>(_meters, ApiMetrics.MeterName, "jobmanager.execution.duration");
        var metrics = new ApiMetrics(_meters);

        metrics.Callback("heartbeat", new CallbackOutcome.Applied("running", 9_000) { Subject = Subject() });
        metrics.Callback("success", new CallbackOutcome.AlreadyFinished("failure") { Subject = Subject() });
        metrics.Callback("success", new CallbackOutcome.NotFound());

        Assert.Equal(["applied", "already_finished", "not_found"],
            callbacks.GetMeasurementSnapshot().Select(m => (string)m.Tags[TelemetryTags.CallbackOutcome]!));
        Assert.Empty(finished.GetMeasurementSnapshot());
        Assert.Empty(duration.GetMeasurementSnapshot());
    }

    [Fact]
    public void CallbackBeforeTheWebhookWasRecorded_FinishesTheExecution_WithoutADuration()
    {
        using var finished = new MetricCollector<long>(_meters, ApiMetrics.MeterName, "jobmanager.execution.finished");
        using var duration = new MetricCollector<long>(_meters, ApiMetrics.MeterName, "jobmanager.execution.duration");
        var metrics = new ApiMetrics(_meters);

        metrics.Callback("success", new CallbackOutcome.Applied("success", 2_000) { Subject = Subject(invokedMs: null) });

        Assert.Single(finished.GetMeasurementSnapshot());
        Assert.Empty(duration.GetMeasurementSnapshot());
    }
}
