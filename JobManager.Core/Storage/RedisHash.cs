using System.Globalization;
using StackExchange.Redis;

namespace JobManager.Core.Storage;

/// <summary>Typed reads of a hash fetched with HGETALL.</summary>
internal readonly struct RedisHash(HashEntry[] entries)
{
    private readonly Dictionary<string, RedisValue> _fields =
        entries.ToDictionary(e => (string)e.Name!, e => e.Value, StringComparer.Ordinal);

    public bool Exists => _fields.Count > 0;

    public string? String(string field) =>
        _fields.TryGetValue(field, out var value) && !value.IsNull ? (string?)value : null;

    /// <summary>The stored bytes as they are (a packed field), or null when absent.</summary>
    public RedisValue Raw(string field) => _fields.TryGetValue(field, out var value) ? value : RedisValue.Null;

    public string Required(string field) =>
        String(field) ?? throw new InvalidDataException($"Stored hash lacks field '{field}'.");

    public long? Long(string field) =>
        String(field) is { Length: > 0 } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    public int Int(string field, int fallback = 0) => (int)(Long(field) ?? fallback);

    public bool Bool(string field) => String(field) == "1";
}
