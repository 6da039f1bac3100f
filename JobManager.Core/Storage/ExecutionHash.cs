using JobManager.Core.Executions;

namespace JobManager.Core.Storage;

/// <summary>
/// Reads an execution hash. Field names are two letters and times are milliseconds after the scheduled
/// time, so a finished execution's hash stays small; absent fields take their defaults (layout:
/// docs/redis-keys.md).
/// </summary>
internal static class ExecutionHash
{
    public const string Service = "sv";
    public const string Job = "jb";
    public const string Trigger = "tg";
    public const string ScheduledMs = "sc";
    public const string TtlSeconds = "tl";
    public const string Missed = "mr";
    public const string Status = "st";
    public const string Attempt = "at";
    public const string ClaimedAfter = "cl";
    public const string InvokedAfter = "iv";
    public const string HttpStatus = "hs";
    public const string Deliveries = "dv";
    public const string TraceParent = "tp";
    public const string DeadlineAfter = "dl";
    public const string Heartbeats = "hb";
    public const string FinishedAfter = "fn";
    public const string Reason = "rs";
    public const string Error = "er";
    public const string State = "sa";
    public const string Summary = "sm";
    public const string CorrelationId = "co";
    public const string ProgressState = "ps";
    public const string ProgressSummary = "pm";
    public const string LastHeartbeatAfter = "lh";
    public const string FireOffset = "ft";

    public static Execution ToExecution(string executionId, RedisHash hash)
    {
        var scheduled = hash.Long(ScheduledMs) ?? 0;
        var invoked = hash.Long(InvokedAfter);
        var fireOffset = hash.Long(FireOffset) ?? 0;
        return new Execution(
            ExecutionId: executionId,
            Service: hash.Required(Service),
            JobName: hash.Required(Job),
            Trigger: hash.String(Trigger) ?? ExecutionTrigger.Schedule,
            ScheduledTimeMs: scheduled,
            ServiceInvokedAtMs: scheduled + invoked,
            // The lateness the webhook reported: the first claim's, the same on every redelivery. Redis's
            // clock may arm a reservation a millisecond or two before its instant; the webhook says 0 then.
            InvocationLatencyMs: invoked is null ? null : Math.Max(0, (hash.Long(ClaimedAfter) ?? invoked.Value) - fireOffset),
            Status: hash.Required(Status),
            FailureReason: hash.String(Reason),
            State: hash.String(State),
            Summary: hash.String(Summary),
            CorrelationId: hash.String(CorrelationId),
            DeadlineMs: scheduled + hash.Long(DeadlineAfter),
            Heartbeats: hash.Int(Heartbeats),
            FinishedAtMs: scheduled + hash.Long(FinishedAfter),
            Attempt: hash.Int(Attempt),
            MissedRuns: hash.Int(Missed),
            Error: hash.String(Error),
            HttpStatus: hash.Long(HttpStatus) is { } status ? (int)status : null,
            DeliveryAttempts: DeliveryAttempt.Parse(hash.String(Deliveries), scheduled),
            TraceParent: TraceParentField.Unpack(hash.Raw(TraceParent)),
            ClaimedAtMs: scheduled + hash.Long(ClaimedAfter),
            Progress: hash.Long(LastHeartbeatAfter) is { } beat
                ? new ExecutionProgress(hash.String(ProgressState), hash.String(ProgressSummary), scheduled + beat)
                : null)
        {
            FireTimeMs = scheduled + fireOffset,
        };
    }
}
