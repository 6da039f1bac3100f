namespace JobManager.AppHost.Redis;

/// <summary>Runs the machine's own <c>redis-server</c> as an app host resource.</summary>
internal static class LocalRedisExtensions
{
    /// <summary>The program looked for on PATH.</summary>
    public const string ServerCommand = "redis-server";

    /// <summary>
    /// Adds <paramref name="command"/> (a <c>redis-server</c>) listening on a free loopback port, keeping
    /// its data in <paramref name="dataDirectory"/>, which is created if missing.
    /// </summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, string command, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var redis = new LocalRedisResource(name, command, dataDirectory);

        // A fixed port chosen now, not proxied: clients reach redis-server directly (no extra hop on every
        // command), and a restart from the dashboard keeps the port the services already know.
        var port = FreePort.Next();

        return builder.AddResource(redis)
            .WithEndpoint(port: port, targetPort: port, scheme: "redis", name: LocalRedisResource.PrimaryEndpointName, isProxied: false)
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
            })
            .WithIconName("Database")
            .WithRedisPingHealthCheck();
    }
}
