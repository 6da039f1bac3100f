using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A Redis command becomes an exported span only inside a span of ours: an execution's dispatch, an Api
/// request, a batch of recorded answers. Commands issued outside any span (the dispatchers' work sampler
/// counting every shard every few seconds, claim and lease polling) would each be a trace of their own:
/// after minutes of idle dispatchers the dashboard's trace list held little else, burying the executions.
/// </summary>
public static class RedisCommandTracing
{
    /// <summary>The activity source of Aspire's Redis instrumentation.</summary>
    public const string RedisSourceName = "OpenTelemetry.Instrumentation.StackExchangeRedis";

    /// <summary>Drops the spans of Redis commands that have no parent span; those inside one are exported.</summary>
    public static TracerProviderBuilder DropRootRedisSpans(this TracerProviderBuilder tracing) =>
        tracing.AddProcessor(new RootRedisSpanFilter());

    /// <summary>
    /// Unsets <see cref="ActivityTraceFlags.Recorded"/> on a root Redis span as it ends, so the export
    /// processors registered after this one skip it (the instrumentation's own filter is internal to Aspire).
    /// </summary>
    private sealed class RootRedisSpanFilter : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            if (data.Source.Name == RedisSourceName && data.ParentSpanId == default)
            {
                data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            }
        }
    }
}
