namespace JobManager.Core.Executions;

/// <summary>A validated callback body.</summary>
public sealed record CallbackReport(string Status, string? State, string? Summary, string? CorrelationId)
{
    public const string Heartbeat = "heartbeat";
    public const int MaxStateBytes = 64 * 1024;
    public const int MaxSummaryBytes = 1024;
    public const int MaxCorrelationIdBytes = 256;
}
