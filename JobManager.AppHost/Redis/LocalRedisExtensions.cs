namespace JobManager.AppHost.Redis;

/// <summary>Runs the machine's own <c>redis-server</c> as an app host resource.</summary>
internal static class LocalRedisExtensions
{
    /// <summary>The program looked for on PATH.</summary>
    public const string ServerCommand = "redis-server";

    /// <summary>
    /// Adds <paramref name="command"/> (a <c>redis-server</c>) on a free loopback port, with
    /// <see cref="RedisDurability.Arguments"/> and its data in <paramref name="dataDirectory"/> (created if missing).
    /// </summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, string command, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var redis = new LocalRedisResource(name, command, dataDirectory);

        return builder.AddRedisProcess(redis)
            .WithArgs(context =>
            {
                context.Args.Add("--port");
                context.Args.Add(redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                // Loopback only (IPv6 where the machine has it): there is no password.
                context.Args.Add("--bind");
                context.Args.Add("127.0.0.1");
                context.Args.Add("-::1");
                context.Args.Add("--dir");
                context.Args.Add(dataDirectory);
                foreach (var argument in RedisDurability.Arguments)
                {
                    context.Args.Add(argument);
                }
            });
    }
}
