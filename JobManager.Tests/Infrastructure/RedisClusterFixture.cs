using System.Diagnostics;
using System.Globalization;
using JobManager.Shared;

namespace JobManager.Tests.Infrastructure;

/// <summary>
/// A Redis Cluster of three masters on loopback (no replicas, no persistence), as a deployment on Redis
/// Cluster has it: every script must find all its keys in one slot. Test classes written for
/// <see cref="RedisServerFixture"/> run on it unchanged through a derived class that takes this fixture
/// and is marked <see cref="NeedsRedisServerAttribute"/> (JobManager.Tests.Cluster).
/// </summary>
public sealed class RedisClusterFixture : RedisServerFixture
{
    private const int Masters = 3;

    // Each node also listens on its port + 10000 for the cluster bus.
    private const int BusPortOffset = 10_000;
    private static readonly TimeSpan CreateDeadline = TimeSpan.FromSeconds(60);

    protected override async IAsyncEnumerable<RedisProcess> StartServersAsync(string directory)
    {
        var redisServer = RedisServer.ServerPath ?? throw new InvalidOperationException(RedisServer.MissingReason);
        var nodes = new List<RedisProcess>();
        for (var i = 0; i < Masters; i++)
        {
            var nodeDirectory = Directory.CreateDirectory(Path.Combine(directory, $"node-{i}")).FullName;
            var node = await RedisProcess.StartAsync(redisServer, port =>
                ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                 "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--dir", nodeDirectory, "--daemonize", "no"],
                nodeDirectory,
                port => FreePort.IsFree(port + BusPortOffset));
            nodes.Add(node);
            // Yielded at once, so the fixture stops it even if creating the cluster fails.
            yield return node;
        }
        await CreateClusterAsync(nodes);
        await WaitUntilClusterIsOkAsync(nodes);
    }

    // redis-cli assigns the 16384 slots evenly over the masters and joins them.
    private static async Task CreateClusterAsync(IReadOnlyList<RedisProcess> nodes)
    {
        var cli = RedisServer.CliPath ?? throw new InvalidOperationException("creating a Redis Cluster needs redis-cli on PATH");
        var start = new ProcessStartInfo(cli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--cluster");
        start.ArgumentList.Add("create");
        foreach (var node in nodes)
        {
            start.ArgumentList.Add($"127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}");
        }
        foreach (var argument in new[] { "--cluster-replicas", "0", "--cluster-yes" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CreateDeadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"redis-cli --cluster create did not finish within {CreateDeadline.TotalSeconds:0} s.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"redis-cli --cluster create exited with {process.ExitCode}:\n{await output}\n{await errors}");
        }
    }

    // Every node must know the whole slot map before a client connects, or the client caches a partial one.
    private static async Task WaitUntilClusterIsOkAsync(IReadOnlyList<RedisProcess> nodes)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var node in nodes)
        {
            while (true)
            {
                var info = await Resp.CommandAsync(node.Port, "CLUSTER", "INFO") ?? "";
                if (info.Contains("cluster_state:ok", StringComparison.Ordinal)
                    && info.Contains($"cluster_known_nodes:{Masters}", StringComparison.Ordinal))
                {
                    break;
                }
                if (deadline.Elapsed > CreateDeadline)
                {
                    throw new TimeoutException($"The cluster node on port {node.Port} was not ok "
                        + $"{CreateDeadline.TotalSeconds:0} s after it was created:\n{info}");
                }
                await Task.Delay(100);
            }
        }
    }
}
