namespace JobManager.AppHost.Redis;

/// <summary>
/// JobManager.DevRedis, Microsoft Garnet hosted in a small .NET program, run by the app host
/// (<c>Redis:Mode=embedded</c>): Redis for a machine that has only the .NET SDK.
/// </summary>
/// <param name="name">The resource name, which is also the connection string name.</param>
/// <param name="dotnet">The <c>dotnet</c> host that runs the program.</param>
/// <param name="programPath">The built <c>JobManager.DevRedis.dll</c>.</param>
/// <param name="dataDirectory">Where Garnet keeps its append-only file and checkpoints.</param>
public sealed class EmbeddedRedisResource(string name, string dotnet, string programPath, string dataDirectory)
    : RedisProcessResource(name, dotnet, Path.GetDirectoryName(programPath) ?? ".")
{
    /// <summary>The built <c>JobManager.DevRedis.dll</c>.</summary>
    public string ProgramPath { get; } = programPath;

    /// <summary>Where Garnet keeps its append-only file and checkpoints.</summary>
    public string DataDirectory { get; } = dataDirectory;
}
