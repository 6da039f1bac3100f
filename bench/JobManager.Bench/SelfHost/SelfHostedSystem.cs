using System.Security.Cryptography;
using JobManager.Bench.Options;
using JobManager.Shared;
using StackExchange.Redis;

namespace JobManager.Bench.SelfHost;

/// <summary>
/// Redis, the Api and N dispatchers started from their build output, all on 127.0.0.1 with free ports,
/// torn down on dispose. Builds nothing itself: <c>dotnet build -c Release</c> comes first.
/// </summary>
public sealed class SelfHostedSystem : ISystemUnderTest
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly List<ChildProcess> _children = [];
    private readonly OrphanGuard _guard;

    private SelfHostedSystem(string logDirectory, Uri api, string apiKey, string redis, int dispatchers)
    {
        LogDirectory = logDirectory;
        Api = api;
        ApiKey = apiKey;
        Redis = redis;
        Description = $"self-hosted: redis-server + Api + {dispatchers} dispatcher(s)";
        _guard = new OrphanGuard(logDirectory);
    }

    public Uri Api { get; }

    public string? ApiKey { get; }

    public string? Redis { get; }

    public string Description { get; }

    public string LogDirectory { get; }

    public IReadOnlyList<ServiceProcess> Processes { get; private set; } = [];

    public static async Task<SelfHostedSystem> StartAsync(
        BenchOptions options, RepoLayout repo, string logDirectory, CancellationToken cancellationToken)
    {
        var apiDll = repo.ServiceDll("JobManager.Api", options.Configuration);
        var dispatcherDll = repo.ServiceDll("JobManager.Dispatcher", options.Configuration);
        Directory.CreateDirectory(logDirectory);

        var redisPort = FreePort.Next();
        var apiPort = FreePort.Next();
        var redis = $"127.0.0.1:{redisPort}";
        var api = new Uri($"http://127.0.0.1:{apiPort}");
        var adminKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var system = new SelfHostedSystem(logDirectory, api, adminKey, redis, options.Dispatchers);
        try
        {
            await system.StartRedisAsync(redisPort, cancellationToken);
            var shared = system.SharedEnvironment(options, redis);

            var apiProcess = system.StartService("api", apiDll, shared, api);
            await HealthWait.UntilHealthyAsync(apiProcess, api, StartTimeout, cancellationToken);
            var processes = new List<ServiceProcess>
            {
                new("redis", ServiceRole.Redis, system._children[0].Pid),
                new("api", ServiceRole.Api, apiProcess.Pid),
            };

            var starting = new List<(ChildProcess Process, Uri Url)>();
            for (var i = 0; i < options.Dispatchers; i++)
            {
                var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
                var environment = new Dictionary<string, string>(shared) { ["JobManager__PublicBaseUrl"] = api.ToString().TrimEnd('/') };
                starting.Add((system.StartService($"dispatcher-{i + 1}", dispatcherDll, environment, url), url));
            }
            foreach (var (process, url) in starting)
            {
                await HealthWait.UntilHealthyAsync(process, url, StartTimeout, cancellationToken);
                processes.Add(new ServiceProcess(process.Name, ServiceRole.Dispatcher, process.Pid));
            }
            system.Processes = processes;
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// What the Api and every dispatcher share. The admin key and the webhook allow-list are read only
    /// by builds with the API-key and SSRF-guard changes; older builds ignore them.
    /// </summary>
    private Dictionary<string, string> SharedEnvironment(BenchOptions options, string redis)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__redis"] = redis,
            ["JobManager__CallbackSecret"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["JobManager__AdminKeys__0"] = ApiKey!,
            ["JobManager__Webhooks__AllowedNetworks__0"] = "127.0.0.0/8",
            // The bench drives everything through one admin key: the per-key rate limit (1,000/s by
            // default) and the per-service job limit would measure the limiter, not the system.
            ["JobManager__Limits__RequestsPerSecond"] = "1000000",
            ["JobManager__Limits__RequestBurst"] = "1000000",
            ["JobManager__Limits__JobsPerService"] = "10000000",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = options.ServiceLogLevel,
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "",
        };
        foreach (var (key, value) in options.ServiceEnvironment)
        {
            environment[key] = value;
        }
        return environment;
    }

    private async Task StartRedisAsync(int port, CancellationToken cancellationToken)
    {
        // No persistence: memory figures must not include fork copy-on-write, and nothing is worth keeping.
        var redis = ChildProcess.Start("redis", "redis-server",
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", LogDirectory],
            new Dictionary<string, string>(), LogDirectory, _guard);
        _children.Add(redis);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (redis.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited while starting:\n{redis.Tail()}");
            }
            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},connectTimeout=1000");
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private ChildProcess StartService(string name, string dll, IReadOnlyDictionary<string, string> shared, Uri url)
    {
        var environment = new Dictionary<string, string>(shared) { ["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/') };
        var process = ChildProcess.Start(name, "dotnet", [dll], environment, LogDirectory, _guard);
        _children.Add(process);
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        // Dispatchers first, Redis last, so no service logs a storm of connection errors on the way out.
        for (var i = _children.Count - 1; i >= 0; i--)
        {
            await _children[i].DisposeAsync();
        }
        _children.Clear();
        _guard.Dispose();
    }
}
