namespace JobManager.Client.Webhooks;

/// <summary>
/// How a run ended, sent as the final callback. A success's <see cref="State"/> and <see cref="Summary"/> ride on
/// the job's next webhooks (<see cref="JobInvocation.LastSuccessfulExecution"/>). Limits: state 64 KiB,
/// summary 1 KiB, correlation id 256 bytes (UTF-8).
/// </summary>
public sealed record JobResult(string Status, string? State, string? Summary, string? CorrelationId)
{
    public static JobResult Success(string? state = null, string? summary = null, string? correlationId = null) =>
        new("success", state, summary, correlationId);

    public static JobResult Failure(string? summary = null, string? state = null, string? correlationId = null) =>
        new("failure", state, summary, correlationId);
}
