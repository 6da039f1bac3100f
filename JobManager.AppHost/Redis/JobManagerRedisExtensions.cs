using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JobManager.AppHost.Redis;

/// <summary>Adds the one Redis that JobManager's services share, chosen by <c>Redis:Mode</c>.</summary>
public static class JobManagerRedisExtensions
{
    /// <summary>
    /// Adds Redis as <see cref="RedisMode"/> says: a container, a local <c>redis-server</c>, an external
    /// server or the embedded Garnet store. Each is a resource with a connection string called <paramref name="name"/> and a health check
    /// that PINGs it, so <c>WithReference(redis).WaitFor(redis)</c> means the same in every mode. Throws at
    /// once, saying what to install or set, when the chosen Redis cannot be had.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddJobManagerRedis(
        this IDistributedApplicationBuilder builder, string name)
    {
        var settings = RedisSettings.Read(builder.Configuration, builder.AppHostDirectory);
        var (mode, reason) = builder.ExecutionContext.IsPublishMode
            ? ResolveForPublish(settings.Mode)
            : Resolve(settings.Mode, builder.Configuration);
        LogChoiceAtStart(builder, mode, reason);

        return mode switch
        {
            RedisMode.Container => builder.AddDurableRedisContainer(name),
            RedisMode.Local => builder.AddLocalRedis(name, FindRedisServer()!, settings.DataDirectory),
            RedisMode.External => builder.AddConnectionString(name).WithRedisPingHealthCheck(),
            RedisMode.Embedded =>
                builder.AddEmbeddedRedis(name, EmbeddedRedisExtensions.FindProgram()!, Path.Combine(settings.DataDirectory, "garnet")),
            _ => throw new InvalidOperationException($"Redis mode {mode} was not resolved."),
        };
    }

    // A published manifest describes what the target runs: Aspire's Redis container, unless the deployment brings
    // its own Redis (external: the manifest then asks for the connection string, e.g. of a managed Redis). Whether
    // this machine has Docker or a redis-server does not matter there.
    private static (RedisMode Mode, string Reason) ResolveForPublish(RedisMode requested) => requested == RedisMode.External
        ? (RedisMode.External, "publishing; the deployment provides ConnectionStrings:redis")
        : (RedisMode.Container, "publishing");

    // Checks the requested mode's prerequisite now, while the model is built, so a missing one fails
    // `dotnet run` in seconds with the fix in the message, not as a resource stuck in "Starting".
    private static (RedisMode Mode, string Reason) Resolve(RedisMode requested, IConfiguration configuration)
    {
        var cli = configuration["ASPIRE_CONTAINER_RUNTIME"] is { Length: > 0 } runtime ? runtime : "docker";
        var noDaemon = $"`{cli} info` failed or gave no answer within {DockerDetector.Timeout.TotalSeconds:0} s";
        return requested switch
        {
            RedisMode.Auto => ResolveAuto(cli, noDaemon),
            RedisMode.Container when DockerDetector.IsDaemonHealthy(cli) => (RedisMode.Container, "requested"),
            RedisMode.Container => throw Unavailable($"Redis:Mode=container needs a running Docker daemon, but {noDaemon}."),
            RedisMode.Local when FindRedisServer() is { } path => (RedisMode.Local, $"requested; {path}"),
            RedisMode.Local =>
                throw Unavailable($"Redis:Mode=local needs `{LocalRedisExtensions.ServerCommand}` on PATH, and there is none."),
            RedisMode.External when !string.IsNullOrWhiteSpace(configuration.GetConnectionString("redis")) =>
                (RedisMode.External, "requested"),
            RedisMode.External =>
                throw Unavailable("Redis:Mode=external needs ConnectionStrings:redis (e.g. localhost:6379), and it is not set."),
            RedisMode.Embedded when EmbeddedRedisExtensions.FindProgram() is { } program => (RedisMode.Embedded, $"requested; {program}"),
            RedisMode.Embedded => throw Unavailable($"Redis:Mode=embedded cannot start: {NoDevRedis}"),
            _ => throw new InvalidOperationException($"Unknown Redis mode {requested}."),
        };
    }

    // Real Redis first: the container (isolated, the same version for everyone), then a local redis-server.
    // Garnet last: it speaks RESP and runs JobManager's scripts, but it is not Redis, so it is the fallback for
    // a machine with only the .NET SDK. An external server is never guessed: it must be asked for.
    private static (RedisMode Mode, string Reason) ResolveAuto(string cli, string noDaemon)
    {
        if (DockerDetector.IsDaemonHealthy(cli))
        {
            return (RedisMode.Container, $"auto: `{cli} info` answered");
        }

        if (FindRedisServer() is { } path)
        {
            return (RedisMode.Local, $"auto: {noDaemon}; found {path}");
        }

        if (EmbeddedRedisExtensions.FindProgram() is { } program)
        {
            return (RedisMode.Embedded,
                $"auto: {noDaemon}; no `{LocalRedisExtensions.ServerCommand}` on PATH; running Garnet from {program}");
        }

        throw Unavailable(
            $"Redis:Mode=auto found no Redis to run: {noDaemon}, there is no `{LocalRedisExtensions.ServerCommand}` on PATH, and " +
            $"{NoDevRedis}");
    }

    private const string NoDevRedis = "the embedded store's program, JobManager.DevRedis.dll, is not built (build the solution, "
        + "or JobManager.AppHost, which builds it).";

    private static string? FindRedisServer() => ExecutableSearch.FindOnPath(LocalRedisExtensions.ServerCommand);

    private static DistributedApplicationException Unavailable(string problem) => new(
        $"""
        {problem}

        Any one of these fixes it:
          - start Docker (Redis:Mode=container, or auto);
          - install Redis so that redis-server is on PATH (Redis:Mode=local, or auto),
            e.g. `sudo apt-get install redis-server` or `brew install redis`;
          - use a Redis you run yourself: set Redis__Mode=external and ConnectionStrings__redis=host:port
            (or `dotnet user-secrets set ConnectionStrings:redis host:port --project JobManager.AppHost`);
          - use the embedded Garnet store, which needs only the .NET SDK (Redis:Mode=embedded, or auto).
        Valid Redis:Mode values: {RedisSettings.ValidModes}.
        """);

    // Which Redis was chosen, and why, is the first thing to know when the services misbehave.
    private static void LogChoiceAtStart(IDistributedApplicationBuilder builder, RedisMode mode, string reason) =>
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            var logger = @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("JobManager.AppHost.Redis");
            Log.RedisModeChosen(logger, mode.ToString().ToLowerInvariant(), reason);
            return Task.CompletedTask;
        });
}
