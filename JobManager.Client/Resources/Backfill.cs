namespace JobManager.Client.Resources;

/// <summary>What a backfill created: how many executions, and their ids in schedule order.</summary>
public sealed record BackfillResult(int Count, IReadOnlyList<string> ExecutionIds);

/// <summary>How many finished executions a clean-up deleted.</summary>
public sealed record DeletedExecutions(long Deleted);

/// <summary>A backfill's range: <c>{"from", "to"}</c>, both inclusive.</summary>
internal sealed record BackfillRange(DateTimeOffset From, DateTimeOffset To);
