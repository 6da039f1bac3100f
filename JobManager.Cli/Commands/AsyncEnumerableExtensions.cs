namespace JobManager.Cli.Commands;

internal static class AsyncEnumerableExtensions
{
    /// <summary>At most <paramref name="limit"/> items (all when null), read page by page.</summary>
    public static async Task<List<T>> ReadAsync<T>(this IAsyncEnumerable<T> items, int? limit, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            if (list.Count == limit)
            {
                break;
            }
            list.Add(item);
        }
        return list;
    }
}
