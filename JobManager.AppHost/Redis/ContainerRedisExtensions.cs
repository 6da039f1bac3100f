namespace JobManager.AppHost.Redis;

/// <summary>Aspire's Redis container, made as durable as the Redis the app host starts locally.</summary>
internal static class ContainerRedisExtensions
{
    /// <summary>
    /// Adds Aspire's Redis container with a named data volume and <see cref="RedisDurability.Arguments"/>.
    /// Not <c>WithDataVolume</c>: that also turns on RDB snapshots (<c>--save 60 1</c>).
    /// </summary>
    public static IResourceBuilder<RedisResource> AddDurableRedisContainer(this IDistributedApplicationBuilder builder, string name)
    {
        var redis = builder.AddRedis(name);
        return redis
            .WithVolume(VolumeNameGenerator.Generate(redis, "data"), "/data")
            .WithArgs(context =>
            {
                // Aspire runs this image as `sh -c "redis-server ..."`: in run mode it joins every argument
                // with spaces, unquoted (so "" must be written ''); when publishing its own callback, which ran
                // first, already wrote the one string, and arguments after it would go to sh, not redis-server.
                if (context.ExecutionContext.IsRunMode)
                {
                    foreach (var argument in RedisDurability.ShellQuotedArguments)
                    {
                        context.Args.Add(argument);
                    }

                    return;
                }

                var last = context.Args.Count - 1;
                if (last < 0 || context.Args[last] is not string command || !command.StartsWith("redis-server", StringComparison.Ordinal))
                {
                    throw new DistributedApplicationException(
                        "Aspire's Redis container no longer publishes `sh -c \"redis-server ...\"`; update ContainerRedisExtensions.");
                }

                context.Args[last] = $"{command} {string.Join(' ', RedisDurability.ShellQuotedArguments)}";
            });
    }
}
