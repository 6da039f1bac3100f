namespace JobManager.Api.Contracts;

/// <summary>A page of a listing: <c>{"items": [...], "next_cursor": "..."|null}</c>.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, string? NextCursor);
