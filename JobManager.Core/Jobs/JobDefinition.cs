using JobManager.Core.Schedules;

namespace JobManager.Core.Jobs;

/// <summary>A job's configuration as its owner sets it with <c>PUT</c>; already validated.</summary>
public sealed record JobDefinition(
    bool Async,
    bool Enabled,
    bool Exclusive,
    string InvocationTarget,
    string InvocationType,
    string? Payload,
    ScheduleExpression Schedule,
    int TtlSeconds,
    int CatchupWindowSeconds);
