namespace JobManager.Bench.Receiver;

/// <summary>
/// One webhook as it reached the receiver: when it reached the handler (Unix ms, <see cref="WallClock"/>),
/// the body's <c>scheduled_time_ms</c>, and which execution of which job it was.
/// </summary>
public readonly record struct Arrival(double ArrivalMs, long ScheduledMs, string ExecutionId, string Service, string Job)
{
    /// <summary>Arrival − <c>scheduled_time_ms</c>: how late the webhook was.</summary>
    public double LatenessMs => ArrivalMs - ScheduledMs;
}
