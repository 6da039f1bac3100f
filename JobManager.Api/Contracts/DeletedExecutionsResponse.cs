namespace JobManager.Api.Contracts;

/// <summary>How many finished executions a clean-up deleted.</summary>
public sealed record DeletedExecutionsResponse(long Deleted);
