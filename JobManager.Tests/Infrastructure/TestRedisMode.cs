namespace JobManager.Tests.Infrastructure;

/// <summary>
/// Which Redis the end-to-end tests ask the app host for: <c>local</c> (a private <c>redis-server</c>) when
/// one is on PATH, else <c>embedded</c> (Garnet, built with the solution), so <c>dotnet test</c> runs on a
/// machine with only the .NET SDK. Never <c>auto</c>: a Docker daemon would add a container start and a
/// shared volume to every run. CI installs redis-server, so CI runs the suite on real Redis.
/// </summary>
public static class TestRedisMode
{
    /// <summary>The mode for this machine, decided once per test run.</summary>
    public static string ForThisMachine { get; } = RedisServer.IsInstalled ? "local" : "embedded";
}
