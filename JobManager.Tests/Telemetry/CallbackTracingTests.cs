extern alias api;

using System.Diagnostics;
using api::JobManager.Api.Telemetry;
using JobManager.Core.Executions;
using JobManager.Core.Jobs;
using JobManager.Core.Telemetry;

namespace JobManager.Tests.Telemetry;

public sealed class CallbackTracingTests : IDisposable
{
    private const string ExecutionId = "0003b1f3-0000-4000-8000-000000000001";

    // Stands in for ASP.NET Core's request span, which is current while the callback handler runs.
    private readonly ActivitySource _requests = new("test.requests");
    private readonly ActivityRecorder _recorder = new(CallbackTracing.SourceName, "test.requests");

    private static readonly ActivityContext Dispatch = new(
        ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);

    private static CallbackOutcome Applied(string status, string? traceParent) =>
        new CallbackOutcome.Applied(status, 1_000)
        {
            Subject = new CallbackSubject(new JobRef("the-serv", "my-job-1"), 1, 500, traceParent),
        };

    private static string TraceParent(ActivityContext context) => $"00-{context.TraceId}-{context.SpanId}-01";

    [Fact]
    public void Callback_IsRecordedInTheExecutionsTrace_AsAChildOfTheDispatchSpan_LinkedToTheRequest()
    {
        using var request = _requests.StartActivity("POST /callback/{executionId}/{token}", ActivityKind.Server)!;

        CallbackTracing.Record(ExecutionId, "success", Applied("success", TraceParent(Dispatch)));

        var callback = Assert.Single(_recorder.Stopped, a => a.Source.Name == CallbackTracing.SourceName);
        Assert.Equal("callback success", callback.DisplayName);
        Assert.Equal(Dispatch.TraceId, callback.TraceId);
        Assert.Equal(Dispatch.SpanId, callback.ParentSpanId);
        Assert.Equal(request.Context, Assert.Single(callback.Links).Context);
        Assert.Equal(Dispatch.SpanId, Assert.Single(request.Links).Context.SpanId);
        Assert.Equal("the-serv", callback.GetTagItem(TelemetryTags.Service));
        Assert.Equal("my-job-1", callback.GetTagItem(TelemetryTags.Job));
        Assert.Equal(ExecutionId, callback.GetTagItem(TelemetryTags.ExecutionId));
        Assert.Equal("success", callback.GetTagItem(TelemetryTags.Status));
        Assert.Same(request, Activity.Current);
    }

    [Fact]
    public void Callback_OnlyTagsTheRequest_WhenTheServicePropagatedTheExecutionsTrace()
    {
        using var request = _requests.StartActivity("POST /callback/{executionId}/{token}", ActivityKind.Server, Dispatch)!;

        CallbackTracing.Record(ExecutionId, "heartbeat", Applied("running", TraceParent(Dispatch)));

        Assert.DoesNotContain(_recorder.Stopped, a => a.Source.Name == CallbackTracing.SourceName);
        Assert.Equal(ExecutionId, request.GetTagItem(TelemetryTags.ExecutionId));
        Assert.Equal("running", request.GetTagItem(TelemetryTags.Status));
        Assert.Empty(request.Links);
    }

    [Fact]
    public void Callback_OnlyTagsTheRequest_WhenTheExecutionHasNoTraceContext()
    {
        using var request = _requests.StartActivity("POST /callback/{executionId}/{token}", ActivityKind.Server)!;

        CallbackTracing.Record(ExecutionId, "success", Applied("success", traceParent: null));
        CallbackTracing.Record(ExecutionId, "success", new CallbackOutcome.NotFound());

        Assert.DoesNotContain(_recorder.Stopped, a => a.Source.Name == CallbackTracing.SourceName);
        Assert.Equal(ExecutionId, request.GetTagItem(TelemetryTags.ExecutionId));
    }

    public void Dispose()
    {
        _recorder.Dispose();
        _requests.Dispose();
    }
}
