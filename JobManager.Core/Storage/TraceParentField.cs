using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace JobManager.Core.Storage;

/// <summary>
/// The execution hash's <c>tp</c> field: the dispatch span's W3C <c>traceparent</c>
/// (<c>00-{trace id}-{span id}-{flags}</c>, 55 characters) packed into its 26 bytes, which every
/// retained execution carries. A value of another shape is stored as written.
/// </summary>
internal static partial class TraceParentField
{
    private const int PackedLength = 26;

    [GeneratedRegex("^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")]
    private static partial Regex W3C();

    /// <summary>What a script stores; empty when there is no trace context.</summary>
    public static RedisValue Pack(string? traceParent) =>
        traceParent is null ? RedisValue.EmptyString
        : W3C().IsMatch(traceParent) ? Convert.FromHexString(traceParent.Replace("-", "", StringComparison.Ordinal))
        : traceParent;

    public static string? Unpack(RedisValue stored)
    {
        if (stored.IsNullOrEmpty)
        {
            return null;
        }
        var bytes = (byte[])stored!;
        if (bytes.Length != PackedLength)
        {
            return (string?)stored;
        }
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..2]}-{hex[2..34]}-{hex[34..50]}-{hex[50..]}";
    }
}
