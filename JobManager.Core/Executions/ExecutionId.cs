using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace JobManager.Core.Executions;

/// <summary>
/// Execution ids are UUID-shaped (as the seed's <c>JOB_GUID</c>) and random, except that the first four
/// hex digits name the shard that holds the execution. A callback carries only the id, so the id itself
/// must say where to look: <c>000b1f3e-...</c> lives in shard 11.
/// </summary>
public static class ExecutionId
{
    public static string New(int shard)
    {
        Span<char> id = stackalloc char[36];
        Guid.NewGuid().TryFormat(id, out _, "D");
        shard.TryFormat(id[..4], out _, "x4", CultureInfo.InvariantCulture);
        return new string(id);
    }

    public static bool TryGetShard(string? id, int shardCount, [NotNullWhen(true)] out int? shard)
    {
        shard = null;
        if (id is null || id.Length != 36 || !Guid.TryParseExact(id, "D", out _)
            || id.Any(char.IsUpper)
            || !int.TryParse(id.AsSpan(0, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            || value >= shardCount)
        {
            return false;
        }
        shard = value;
        return true;
    }
}
