namespace JobManager.Client.Webhooks;

/// <summary>
/// What a running handler last reported through <see cref="JobInvocation.ReportProgressAsync"/>. Today's Api
/// stores state and summary only with the final callback, so progress stays in the service: it is the final
/// callback's state and summary when the result (or a failure) gives none.
/// </summary>
public sealed record JobProgress(string? State, string? Summary, DateTimeOffset ReportedAt);
