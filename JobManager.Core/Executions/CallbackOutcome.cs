namespace JobManager.Core.Executions;

/// <summary>What a callback did to its execution.</summary>
public abstract record CallbackOutcome
{
    private CallbackOutcome() { }

    /// <summary>The execution the callback named, for telemetry; null when there is none.</summary>
    public CallbackSubject? Subject { get; init; }

    /// <summary>Applied: the execution's status now, and its new deadline (heartbeat) or finish time.</summary>
    public sealed record Applied(string Status, long TimeMs) : CallbackOutcome;

    /// <summary>The execution had already finished with this status; nothing changed.</summary>
    public sealed record AlreadyFinished(string Status) : CallbackOutcome;

    /// <summary>A heartbeat asked to extend beyond the execution's <c>ttl_seconds</c>; nothing changed.</summary>
    public sealed record ExtendTooLong(int TtlSeconds) : CallbackOutcome;

    /// <summary>No such execution (never existed, or removed by retention).</summary>
    public sealed record NotFound : CallbackOutcome;
}
