using JobManager.Core.Executions;

namespace JobManager.Core.Storage;

/// <summary>Reads an execution hash (field names: see docs/redis-keys.md).</summary>
internal static class ExecutionHash
{
    public static Execution ToExecution(RedisHash hash) => new(
        ExecutionId: hash.Required("id"),
        Service: hash.Required("service"),
        JobName: hash.Required("job"),
        Trigger: hash.Required("trigger"),
        ScheduledTimeMs: hash.Long("sched_ms") ?? 0,
        ServiceInvokedAtMs: hash.Long("invoked_ms"),
        InvocationLatencyMs: hash.Long("latency_ms"),
        Status: hash.Required("status"),
        FailureReason: hash.String("reason"),
        State: hash.String("state"),
        Summary: hash.String("summary"),
        CorrelationId: hash.String("corr"),
        DeadlineMs: hash.Long("deadline_ms"),
        Heartbeats: hash.Int("heartbeats"),
        FinishedAtMs: hash.Long("finished_ms"),
        Attempt: hash.Int("attempt"),
        MissedRuns: hash.Int("missed"),
        Error: hash.String("error"),
        HttpStatus: hash.Long("http_status") is { } status ? (int)status : null,
        DeliveryAttempts: DeliveryAttempt.Parse(hash.String("deliveries")));
}
