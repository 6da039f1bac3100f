using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using JobManager.Core.Callbacks;
using JobManager.Core.Configuration;
using Microsoft.Extensions.Options;

namespace JobManager.Tests.Infrastructure;

/// <summary>
/// Starts the whole app once per test collection: the app host, a Redis with an empty data folder of its
/// own (a local redis-server, or Garnet where none is installed: <see cref="TestRedisMode"/>), the Api and
/// the dispatchers, waiting until they are healthy. Tests reach the Api through
/// <see cref="Api"/>. To run with other app host settings, derive a fixture that overrides
/// <see cref="AppHostArguments"/> or <see cref="ConfigureAppHost"/> and give it its own collection.
/// </summary>
public class AppHostFixture : IAsyncLifetime
{
    /// <summary>How long starting may take, build of nothing included: a generous bound for a busy 2-core machine.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    /// <summary>How long stopping the app and the processes it started may take.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly string _dataDirectory =
        Path.Combine(Path.GetTempPath(), $"jobmanager-tests-{Guid.NewGuid():N}");

    /// <summary>The callback secret the app host is given, so tests can sign callback URLs themselves.</summary>
    public const string CallbackSecret = "test-callback-secret-0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>The admin API key the app host is given; <see cref="Api"/> sends it on every request.</summary>
    public const string AdminKey = "test-admin-key-0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>A service whose key comes from configuration (<c>JobManager:ProvisionedKeys</c>), as the app host gives one.</summary>
    public const string ProvisionedService = "provisioned-svc";

    /// <summary>The provisioned key of <see cref="ProvisionedService"/>.</summary>
    public const string ProvisionedKey = "jm_0123456789abcdef_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

    private DistributedApplication? _app;
    private HttpClient? _api;
    private WebhookReceiver? _receiver;

    /// <summary>The running app, for resources other than the Api (e.g. <c>GetConnectionStringAsync("redis")</c>).</summary>
    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app host has not started.");

    /// <summary>
    /// An <see cref="HttpClient"/> whose base address is the Api's http endpoint, sending the admin key
    /// (<c>Authorization: Bearer</c>) on every request.
    /// </summary>
    public HttpClient Api => _api ?? throw new InvalidOperationException("The app host has not started.");

    /// <summary>The Api as a user drives it: JSON in the seed's spelling, with the admin key.</summary>
    public ApiClient Client => new(Api);

    /// <summary>
    /// A new client of the Api sending <paramref name="bearerKey"/>, or no <c>Authorization</c> header at
    /// all when it is null. The caller disposes it.
    /// </summary>
    public HttpClient CreateApiClient(string? bearerKey)
    {
        var client = App.CreateHttpClient("api");
        if (bearerKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerKey);
        }
        return client;
    }

    /// <summary>A real HTTP endpoint on 127.0.0.1 that records the webhooks it receives.</summary>
    public WebhookReceiver Receiver => _receiver ?? throw new InvalidOperationException("The receiver has not started.");

    /// <summary>How many dispatchers the app host runs.</summary>
    public int DispatcherReplicas => 2;

    /// <summary>Callback tokens as the deployment signs them.</summary>
    public CallbackToken CallbackTokens { get; } =
        new(Options.Create(new JobManagerOptions { CallbackSecret = CallbackSecret }));

    /// <summary>How long <see cref="InitializeAsync"/> took, from creating the builder to a healthy Api.</summary>
    public TimeSpan StartDuration { get; private set; }

    /// <summary>
    /// App host configuration as command-line arguments, e.g. <c>--Dispatcher:Replicas=2</c>. They come after
    /// the fixture's own (<c>Redis:Mode</c> from <see cref="TestRedisMode"/> and a fresh <c>Redis:DataDirectory</c>),
    /// so they win.
    /// </summary>
    protected virtual IEnumerable<string> AppHostArguments => [];

    /// <summary>Changes the app model before it is built, e.g. to add a resource a test needs.</summary>
    protected virtual void ConfigureAppHost(IDistributedApplicationTestingBuilder builder)
    {
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(StartTimeout);
        string[] arguments =
        [
            // A Redis per run, on an empty folder: no Docker needed, and no state from earlier runs.
            $"--Redis:Mode={TestRedisMode.ForThisMachine}",
            $"--Redis:DataDirectory={_dataDirectory}",
            $"--Parameters:callback-secret={CallbackSecret}",
            $"--Parameters:admin-key={AdminKey}",
            // The receiver listens on 127.0.0.1 and some targets are http://127.0.0.1:9/: loopback
            // must be reachable, as the app host also allows it in run mode.
            "--JobManager:Webhooks:AllowedNetworks:0=127.0.0.0/8",
            "--JobManager:Webhooks:AllowedNetworks:1=::1/128",
            $"--Dispatcher:Replicas={DispatcherReplicas}",
            // The sample service (samples/) runs in development only; tests start their own services.
            "--Samples:Run=false",
            $"--JobManager:ProvisionedKeys:{ProvisionedService}={ProvisionedKey}",
            .. AppHostArguments,
        ];

        try
        {
            var builder = await DistributedApplicationTestingBuilder
                .CreateAsync<Projects.JobManager_AppHost>(arguments, timeout.Token);
            ConfigureAppHost(builder);
            _app = await builder.BuildAsync(timeout.Token);
            await _app.StartAsync(timeout.Token);
            await _app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
            await _app.ResourceNotifications.WaitForResourceHealthyAsync("dispatcher", timeout.Token);
            _api = CreateApiClient(AdminKey);
            _receiver = await WebhookReceiver.StartAsync();
            StartDuration = stopwatch.Elapsed;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            await DisposeAsync();
            throw new TimeoutException($"The Api was not healthy {StartTimeout.TotalSeconds:0} s after the app host started.");
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed; stop redis-server and the Api here.
            await DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _api?.Dispose();
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
            _receiver = null;
        }
        if (_app is not null)
        {
            // Stopping first waits for the orchestrator to end redis-server and the Api; by a deadline, so a
            // resource that will not stop fails the run instead of hanging it.
            using var stop = new CancellationTokenSource(StopTimeout);
            await _app.StopAsync(stop.Token);
            await _app.DisposeAsync();
            _app = null;
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
