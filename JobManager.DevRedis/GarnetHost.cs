using Garnet;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JobManager.DevRedis;

/// <summary>Runs one <see cref="GarnetServer"/> for the life of the process.</summary>
/// <param name="options">Port, data folder and memory.</param>
/// <param name="loggerFactory">Garnet logs through the host, so its lines reach the Aspire dashboard.</param>
/// <param name="logger">This class's own log.</param>
internal sealed class GarnetHost(IOptions<DevRedisOptions> options, ILoggerFactory loggerFactory, ILogger<GarnetHost> logger)
    : IHostedService, IDisposable
{
    private GarnetServer? _server;

    /// <summary>
    /// Garnet's command-line settings for JobManager. Each deviates from Garnet's default for a reason we
    /// measured or need:
    /// <list type="bullet">
    /// <item><c>--lua --lua-transaction-mode</c>: JobManager's scripts must be atomic, as on Redis; without
    /// transaction mode Garnet runs a script's commands without locking its keys.</item>
    /// <item><c>--storage-tier --logdir</c>: records past <see cref="DevRedisOptions.Memory"/> spill to the data
    /// folder. Without it Garnet silently drops the keys that do not fit; with it, it keeps them all. This is
    /// our <c>noeviction</c>.</item>
    /// <item><c>--aof --aof-commit-freq 1000 --recover</c>: like Redis' <c>appendfsync everysec</c>, and the
    /// file is replayed on the next start, so restarts keep the data.</item>
    /// <item><c>--device-type RandomAccess</c>: the default device crashes on Debian 12 when persisting.</item>
    /// <item><c>--bind 127.0.0.1</c>: there is no password.</item>
    /// </list>
    /// </summary>
    internal static string[] Arguments(DevRedisOptions settings) =>
    [
        "--port", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--bind", "127.0.0.1",
        "--memory", settings.Memory,
        "--lua", "--lua-transaction-mode",
        "--aof", "--aof-commit-freq", "1000",
        "--checkpointdir", settings.DataDirectory,
        "--storage-tier", "--logdir", settings.DataDirectory,
        "--recover",
        "--device-type", "RandomAccess",
    ];

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        Directory.CreateDirectory(settings.DataDirectory);
        _server = new GarnetServer(Arguments(settings), loggerFactory);
        _server.Start();
        Log.Listening(logger, settings.Port, settings.DataDirectory);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null)
        {
            return;
        }

        // Flush what the last second wrote, so a clean stop loses nothing.
        await _server.Store.CommitAOFAsync(cancellationToken);
        _server.Dispose();
        _server = null;
    }

    /// <inheritdoc />
    public void Dispose() => _server?.Dispose();
}
