namespace JobManager.AppHost.Redis;

/// <summary>The durability settings every Redis that the app host starts is given, whatever its mode.</summary>
internal static class RedisDurability
{
    /// <summary>
    /// <c>appendonly yes</c> with <c>appendfsync everysec</c>: every write goes to the append-only file,
    /// flushed each second, so a crash loses at most about a second of job state.
    /// <c>maxmemory-policy noeviction</c>: a full server refuses writes with an OOM error instead of silently
    /// dropping job records. <c>save ""</c>: no RDB snapshots, since the append-only file already holds every
    /// write and a snapshot forks the server (a latency spike, up to twice the memory) to save it again;
    /// Redis 7 still compacts the file into an RDB-format base when it rewrites it, so restarts load fast.
    /// </summary>
    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--appendonly", "yes",
        "--appendfsync", "everysec",
        "--maxmemory-policy", "noeviction",
        "--save", "",
    ];

    /// <summary>The same arguments for a command line that <c>sh -c</c> will split: the empty one quoted.</summary>
    public static IEnumerable<string> ShellQuotedArguments => Arguments.Select(a => a.Length == 0 ? "''" : a);
}
