using System.Reflection;

namespace JobManager.Core.Storage;

/// <summary>
/// The Lua scripts, loaded once from embedded resources. StackExchange.Redis sends each by SHA
/// (EVALSHA) after first use, so their text crosses the wire once per connection.
/// </summary>
internal static class LuaScripts
{
    public static readonly string UpsertJob = WithPrelude("upsert_job", "flex_offset");
    public static readonly string DeleteJob = Load("delete_job");
    public static readonly string ClaimDue = WithJobHealth(WithPrelude("claim_due", "fire_entry", "flex_offset"));
    public static readonly string RefillQueue = WithPrelude("refill_queue", "flex_offset");
    public static readonly string ReclaimPending = WithFireEntry("reclaim_pending");
    public static readonly string ArmReserved = WithJobHealth(WithFireEntry("arm_reserved"));
    public static readonly string MarkStarted = Batched("mark_started");
    public static readonly string MarkFailed = Batched("mark_failed", withJobHealth: true);
    public static readonly string ApplyCallback = WithJobHealth(Load("apply_callback"));
    public static readonly string ExpireDeadlines = WithJobHealth(Load("expire_deadlines"));
    public static readonly string CreateManualRun = WithJobHealth(Load("create_manual_run"));
    public static readonly string CreateBackfill = Load("create_backfill");
    public static readonly string TrimExecutions = Load("trim_executions");
    public static readonly string TrimDeletedJobs = Load("trim_deleted_jobs");
    public static readonly string SweepCandidates = Load("sweep_candidates");
    public static readonly string MergeExecutions = Load("merge_executions");
    public static readonly string RenewLeases = Load("renew_leases");
    public static readonly string CreateServiceKey = Load("create_service_key");
    public static readonly string RevokeServiceKey = Load("revoke_service_key");
    public static readonly string RotateSigningSecret = Load("rotate_signing_secret");

    /// <summary>
    /// The per-execution script <paramref name="name"/> inside batched.lua, which runs it once per entry,
    /// so the script's text stays the one place its rules are written.
    /// </summary>
    private static string Batched(string name, bool withJobHealth = false)
    {
        const string Marker = "-- per-execution script --";
        // The marker is a comment line: replaced before comment lines are dropped.
        var batched = Read("batched");
        if (!batched.Contains(Marker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"batched.lua has lost its marker line '{Marker}'.");
        }
        var script = withJobHealth ? WithJobHealth(Load(name)) : Read(name);
        return WithoutCommentLines(batched.Replace(Marker, script, StringComparison.Ordinal));
    }

    /// <summary>
    /// A script that hands out deliveries, with fire_entry.lua's code (comment lines dropped, joined into
    /// one line) on its first line, a header comment line: every such script builds the entry
    /// <c>FireEntry</c> parses with the same code, and the script's own line numbers stay its file's.
    /// </summary>
    private static string WithFireEntry(string name) => WithPrelude(name, "fire_entry");

    /// <summary>
    /// A script with shared code (<paramref name="preludes"/>: fire_entry.lua, flex_offset.lua; comment lines
    /// dropped, joined into one line) on its first line, a header comment line.
    /// </summary>
    private static string WithPrelude(string name, params string[] preludes)
    {
        var script = Load(name);
        if (!script.StartsWith('\n'))
        {
            throw new InvalidOperationException($"{name}.lua must start with a header comment line, where its preludes go.");
        }
        return string.Join(' ', preludes.Select(Joined)) + script;
    }

    /// <summary>
    /// A script that ends executions, with job_health.lua's <c>record_health</c> (joined into one line) on
    /// its second line, a header comment line: the first may hold fire_entry.lua's code.
    /// </summary>
    private static string WithJobHealth(string script)
    {
        var lines = script.Split('\n');
        if (lines.Length < 2 || lines[1].Length != 0)
        {
            throw new InvalidOperationException("A script that records job health needs a header comment on its second line.");
        }
        lines[1] = Joined("job_health");
        return string.Join('\n', lines);
    }

    /// <summary>A helper file's code, comment lines dropped, on one line.</summary>
    private static string Joined(string name)
    {
        var code = WithoutCommentLines(Read(name)).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        if (code.Any(line => line.Contains("--", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"{name}.lua has a trailing comment, which would end its joined line.");
        }
        return string.Join(' ', code);
    }

    private static string Load(string name) => WithoutCommentLines(Read(name));

    private static string Read(string name)
    {
        var resource = $"JobManager.Core.Storage.Scripts.{name}.lua";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded script {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The script with every line that is only a comment left empty. StackExchange.Redis finds a script's
    /// SHA by hashing its whole text on every call, and the header comments are a large part of it. Lines
    /// are kept, so a Redis error's line number still points into the file.
    /// </summary>
    internal static string WithoutCommentLines(string script) =>
        string.Join('\n', script.ReplaceLineEndings("\n").Split('\n')
            .Select(line => IsCommentLine(line.TrimStart()) ? "" : line));

    // A "--[[" block comment may span lines: left alone (the scripts use none).
    private static bool IsCommentLine(string line) =>
        line.StartsWith("--", StringComparison.Ordinal) && !line.StartsWith("--[", StringComparison.Ordinal);
}
