namespace JobManager.Tests.Infrastructure;

/// <summary>The machine's own Redis programs, found on PATH once per test run.</summary>
public static class RedisServer
{
    /// <summary>Why a test that needs real Redis is skipped on this machine.</summary>
    public const string MissingReason = "needs redis-server (not on PATH; install Redis to run it, as CI does)";

    /// <summary><c>redis-server</c>'s path, or null on a machine with only the .NET SDK.</summary>
    public static string? ServerPath { get; } = FindOnPath("redis-server");

    /// <summary><c>redis-cli</c>'s path (it creates a cluster), or null.</summary>
    public static string? CliPath { get; } = FindOnPath("redis-cli");

    public static bool IsInstalled => ServerPath is not null;

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
