namespace JobManager.Core.Executions;

/// <summary>
/// A validated callback body. A heartbeat's state and summary are its progress; <paramref name="ExtendSeconds"/>
/// (heartbeats only) sets the deadline to now plus that many seconds, at most the execution's ttl (null: the ttl).
/// </summary>
public sealed record CallbackReport(string Status, string? State, string? Summary, string? CorrelationId, int? ExtendSeconds = null)
{
    public const string Heartbeat = "heartbeat";
    public const int MaxStateBytes = 64 * 1024;
    public const int MaxSummaryBytes = 1024;
    public const int MaxCorrelationIdBytes = 256;
}
