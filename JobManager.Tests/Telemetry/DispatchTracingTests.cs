extern alias dispatcher;

using System.Diagnostics;
using dispatcher::JobManager.Dispatcher.Telemetry;
using JobManager.Core.Dispatch;
using JobManager.Core.Telemetry;

namespace JobManager.Tests.Telemetry;

public sealed class DispatchTracingTests
{
    [Fact]
    public void StartDispatch_StartsANewTrace_EvenInsideAnotherSpan()
    {
        using var recorder = new ActivityRecorder(DispatchTracing.SourceName, "test.loop");
        using var loopSource = new ActivitySource("test.loop");
        using var loop = loopSource.StartActivity("dispatch loop");
        Assert.NotNull(loop);

        using (var dispatch = DispatchTracing.StartDispatch(TestDeliveries.Of(service: "billing", job: "nightly", attempt: 2)))
        {
            Assert.NotNull(dispatch);
            Assert.Equal(default, dispatch.ParentSpanId);
            Assert.NotEqual(loop.TraceId, dispatch.TraceId);
            Assert.Equal("dispatch billing/nightly", dispatch.DisplayName);
            Assert.Equal("billing", dispatch.GetTagItem(TelemetryTags.Service));
            Assert.Equal("nightly", dispatch.GetTagItem(TelemetryTags.Job));
            Assert.Equal("0003b1f3-0000-4000-8000-000000000001", dispatch.GetTagItem(TelemetryTags.ExecutionId));
            Assert.Equal(2, dispatch.GetTagItem(TelemetryTags.Attempt));
            // What mark_started stores for the Api: a W3C traceparent.
            Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$", dispatch.Id);
        }
    }

    [Fact]
    public void Delivered_TagsTheExecutionStatus_AndMarksAFailedWebhookAsAnError()
    {
        using var recorder = new ActivityRecorder(DispatchTracing.SourceName);

        using (var accepted = DispatchTracing.StartDispatch(TestDeliveries.Of()))
        {
            DispatchTracing.Delivered(accepted, new DeliveryOutcome(DeliveryOutcomeKind.Recorded, "running", 123), error: null);
        }
        using (var failed = DispatchTracing.StartDispatch(TestDeliveries.Of()))
        {
            DispatchTracing.Delivered(failed, new DeliveryOutcome(DeliveryOutcomeKind.Recorded, "failure", null),
                "HTTP 503 Service Unavailable");
        }

        var (first, second) = (recorder.Stopped[0], recorder.Stopped[1]);
        Assert.Equal("running", first.GetTagItem(TelemetryTags.Status));
        Assert.Equal(ActivityStatusCode.Unset, first.Status);
        Assert.Equal("failure", second.GetTagItem(TelemetryTags.Status));
        Assert.Equal(ActivityStatusCode.Error, second.Status);
        Assert.Equal("HTTP 503 Service Unavailable", second.StatusDescription);
    }

    [Fact]
    public void StartRecording_StartsATraceOfItsOwn_LinkedToEveryDispatchSpanOfTheBatch()
    {
        using var recorder = new ActivityRecorder(DispatchTracing.SourceName);
        using var first = DispatchTracing.StartDispatch(TestDeliveries.Of(job: "first"));
        using var second = DispatchTracing.StartDispatch(TestDeliveries.Of(job: "second"));
        Assert.NotNull(first);
        Assert.NotNull(second);

        using var recording = DispatchTracing.StartRecording(shard: 3, answers: 3, [first.Context, second.Context, default]);

        Assert.NotNull(recording);
        Assert.Equal(default, recording.ParentSpanId);
        Assert.DoesNotContain(recording.TraceId, new[] { first.TraceId, second.TraceId });
        Assert.Equal([first.Context, second.Context], recording.Links.Select(link => link.Context));
        Assert.Equal(3, recording.GetTagItem(TelemetryTags.Shard));
        Assert.Equal(3, recording.GetTagItem(TelemetryTags.BatchSize));
    }
}
