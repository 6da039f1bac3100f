namespace JobManager.Client.Webhooks;

/// <summary>
/// What a running handler last reported through <see cref="JobInvocation.ReportProgressAsync"/>: sent with each
/// heartbeat (the execution's <c>progress_state</c>, <c>progress_summary</c>), and the final callback's state and
/// summary when the result (or a failure) gives none.
/// </summary>
public sealed record JobProgress(string? State, string? Summary, DateTimeOffset ReportedAt);
