namespace JobManager.Core.Hosting;

/// <summary>
/// What a Redis server reports (<c>CONFIG GET</c>) about the two settings that decide whether JobManager's
/// data survives: eviction and persistence. A value is null when the server does not report it (Garnet
/// knows no <c>maxmemory-policy</c>, for one).
/// </summary>
/// <param name="MaxMemoryPolicy">e.g. <c>noeviction</c>, <c>allkeys-lru</c>.</param>
/// <param name="AppendOnly"><c>yes</c> or <c>no</c>.</param>
/// <param name="Save">RDB snapshot rules, e.g. <c>3600 1 300 100</c>; empty when none.</param>
public sealed record RedisDurabilitySettings(string? MaxMemoryPolicy, string? AppendOnly, string? Save)
{
    /// <summary>
    /// True when a full server may delete keys to make room: a job, a lease or an execution could vanish
    /// without an error. Only <c>noeviction</c> refuses writes instead.
    /// </summary>
    public bool CanEvict => MaxMemoryPolicy is not null &&
        !string.Equals(MaxMemoryPolicy, "noeviction", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when neither the append-only file nor snapshots are on: a restart loses every job.</summary>
    public bool PersistsNothing => IsOff(AppendOnly) && Save is not null && string.IsNullOrWhiteSpace(Save);

    /// <summary>True when only snapshots persist: a crash loses what was written since the last one.</summary>
    public bool SnapshotsOnly => IsOff(AppendOnly) && !string.IsNullOrWhiteSpace(Save);

    /// <summary>True when the server reported too little to judge either setting.</summary>
    public bool IsUnknown => MaxMemoryPolicy is null && AppendOnly is null;

    private static bool IsOff(string? appendOnly) => string.Equals(appendOnly, "no", StringComparison.OrdinalIgnoreCase);
}
