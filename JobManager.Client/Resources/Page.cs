namespace JobManager.Client.Resources;

/// <summary>One page of a listing: <c>{"items": [...], "next_cursor": "..."|null}</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
