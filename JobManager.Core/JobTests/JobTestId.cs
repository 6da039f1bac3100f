using System.Globalization;

namespace JobManager.Core.JobTests;

/// <summary>
/// The id of a test event (<c>test-{shard:x4}-{32 hex}</c>): its <c>execution_id</c> and <c>webhook-id</c>. It has
/// a form of its own so the callback endpoint tells it from an execution id without a Redis read, and it
/// carries the job's shard so its key lives next to the job's.
/// </summary>
public static class JobTestId
{
    private const string Prefix = "test-";
    private const int Length = 42;

    public static string New(int shard) =>
        $"{Prefix}{shard.ToString("x4", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";

    /// <summary>True for ids this deployment could have issued; <paramref name="shard"/> is the job's shard then.</summary>
    public static bool TryParse(string id, out int shard)
    {
        shard = 0;
        return id.Length == Length
            && id.StartsWith(Prefix, StringComparison.Ordinal)
            && id[9] == '-'
            && id.AsSpan(10).ContainsAnyExcept("0123456789abcdef") is false
            && int.TryParse(id.AsSpan(5, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out shard);
    }
}
