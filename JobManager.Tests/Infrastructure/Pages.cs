using JobManager.Core.Storage;

namespace JobManager.Tests.Infrastructure;

/// <summary>Follows a listing's cursors to the end, as a client would.</summary>
internal static class Pages
{
    /// <summary>Every page's items in order, and how many pages it took.</summary>
    public static async Task<(List<T> Items, int Pages)> ReadAllAsync<T>(Func<string?, Task<Page<T>>> fetch, int maxPages = 10_000)
    {
        var items = new List<T>();
        string? position = null;
        for (var pages = 1; pages <= maxPages; pages++)
        {
            var page = await fetch(position);
            items.AddRange(page.Items);
            if (page.NextCursor is null)
            {
                return (items, pages);
            }
            Assert.True(PageCursor.TryDecode(page.NextCursor, out position), $"cursor '{page.NextCursor}' does not decode");
            Assert.NotNull(position);
        }
        throw new Xunit.Sdk.XunitException($"The listing did not end within {maxPages} pages.");
    }
}
