namespace JobManager.Api.Contracts;

/// <summary>What a backfill created: how many executions, and their ids in schedule order.</summary>
public sealed record BackfillResponse(int Count, IReadOnlyList<string> ExecutionIds);
