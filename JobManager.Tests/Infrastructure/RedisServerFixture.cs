using System.Globalization;
using System.Net;
using JobManager.Core.Storage;
using JobManager.Shared;
using StackExchange.Redis;

namespace JobManager.Tests.Infrastructure;

/// <summary>The store tests share one private redis-server; xunit runs a collection's tests one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "Redis";
}

/// <summary>
/// The Redis the store tests run on: here a private <c>redis-server</c> on a free loopback port, without
/// persistence, in a temp directory, killed when the collection is done (Garnet where redis-server is not
/// installed, so the suite runs on a machine with only the .NET SDK). <see cref="RedisClusterFixture"/>
/// derives from it to run the same test classes on a Redis Cluster. Tests never flush it: each works in
/// its own service names, and asserts only on what those names own.
/// </summary>
public class RedisServerFixture : IAsyncLifetime
{
    private readonly List<RedisProcess> _servers = [];
    private string? _directory;
    private ConnectionMultiplexer? _redis;

    public IConnectionMultiplexer Redis => _redis ?? throw new InvalidOperationException("The Redis fixture is not started.");

    /// <summary>The (first) server's port.</summary>
    public int Port => Servers[0].Port;

    /// <summary>The connection string the services are given: every server, e.g. <c>127.0.0.1:6379</c>.</summary>
    public virtual string ConnectionString =>
        string.Join(',', Servers.Select(s => $"127.0.0.1:{s.Port.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The servers' processes: one, or a cluster's masters.</summary>
    protected IReadOnlyList<RedisProcess> Servers => _servers.Count > 0 ? _servers : throw new InvalidOperationException("Not started.");

    /// <summary>Freezes every server (SIGSTOP): to its clients Redis is unreachable until <see cref="Thaw"/>.</summary>
    public void Freeze() => _servers.ForEach(s => s.Freeze());

    public void Thaw() => _servers.ForEach(s => s.Thaw());

    /// <summary>
    /// The stores over this server, as the services build them, with their own key schema and clock, over the
    /// fixture's connection or <paramref name="connection"/>.
    /// </summary>
    public StoreSet CreateStores(int shards = 4, TimeProvider? clock = null, IConnectionMultiplexer? connection = null)
    {
        return new StoreSet(connection ?? Redis, new RedisKeys(shards), clock);
    }

    /// <summary>How the fixture's own connection and <see cref="CommandLog"/> connect: every server, as admin.</summary>
    public ConfigurationOptions ConnectionOptions()
    {
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = true,
            // Batching tests count script calls in INFO commandstats.
            AllowAdmin = true,
            // A 2-core CI machine may be compiling beside the tests.
            ConnectTimeout = 10_000,
            SyncTimeout = 15_000,
            AsyncTimeout = 15_000,
        };
        foreach (var server in Servers)
        {
            options.EndPoints.Add(IPAddress.Loopback, server.Port);
        }
        return options;
    }

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("jobmanager-redis-").FullName;
        try
        {
            await foreach (var server in StartServersAsync(_directory))
            {
                _servers.Add(server);
            }
            _redis = await ConnectionMultiplexer.ConnectAsync(ConnectionOptions());
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: stop what did start.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the servers in <paramref name="directory"/>, each ready for commands when yielded.</summary>
    protected virtual async IAsyncEnumerable<RedisProcess> StartServersAsync(string directory)
    {
        if (RedisServer.ServerPath is { } redisServer)
        {
            yield return await RedisProcess.StartAsync(redisServer, port =>
                ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                 "--dir", directory, "--daemonize", "no"], directory);
            yield break;
        }
        // A machine with only the .NET SDK: the solution's own Garnet server.
        var garnet = BuildOutput.AssemblyOf("JobManager.DevRedis");
        yield return await RedisProcess.StartAsync("dotnet", port =>
            [garnet, $"--DevRedis:Port={port.ToString(CultureInfo.InvariantCulture)}", $"--DevRedis:DataDirectory={directory}"],
            directory);
    }

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
            _redis = null;
        }
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
        _servers.Clear();
        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
