using System.Reflection;

namespace JobManager.AppHost.Redis;

/// <summary>Runs JobManager.DevRedis (Garnet) as an app host resource.</summary>
internal static class EmbeddedRedisExtensions
{
    /// <summary>
    /// The built <c>JobManager.DevRedis.dll</c>, or null when it is missing. The path is written into this
    /// assembly at build time (see the AddDevRedisPathMetadata target in JobManager.AppHost.csproj), since
    /// DevRedis runs as a plain process rather than as an Aspire project: `dotnet run` under the orchestrator
    /// ignores SIGTERM for 12 s and is then killed, which would cut Garnet off before it flushes its file.
    /// </summary>
    public static string? FindProgram()
    {
        var path = typeof(EmbeddedRedisExtensions).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "JobManager.DevRedis.Path")?.Value;
        return path is { Length: > 0 } && File.Exists(path) ? path : null;
    }

    /// <summary>
    /// Adds JobManager.DevRedis on a free loopback port, run by <c>dotnet</c>, with its data in
    /// <paramref name="dataDirectory"/>. The Garnet settings (Lua as transactions, append-only file, 1g of
    /// memory, the device type that works on Debian 12) live in JobManager.DevRedis/GarnetHost.cs.
    /// </summary>
    public static IResourceBuilder<EmbeddedRedisResource> AddEmbeddedRedis(
        this IDistributedApplicationBuilder builder, string name, string programPath, string dataDirectory)
    {
        // The dotnet that runs the app host's own build (set by `dotnet run` and the test host), else PATH's.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var redis = new EmbeddedRedisResource(name, dotnet, programPath, dataDirectory);

        return builder.AddRedisProcess(redis)
            .WithArgs(context =>
            {
                context.Args.Add(programPath);
                context.Args.Add(
                    ReferenceExpression.Create($"--DevRedis:Port={redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort)}"));
                context.Args.Add($"--DevRedis:DataDirectory={dataDirectory}");
            });
    }
}
