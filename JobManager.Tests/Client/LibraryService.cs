using JobManager.Client;
using JobManager.Client.Resources;
using JobManager.Client.Webhooks;
using JobManager.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JobManager.Tests.Client;

/// <summary>
/// A service as a user writes it with JobManager.Client: its own key and signing secret, a webhook endpoint
/// mapped with <c>MapJobManagerWebhook</c>, listening on 127.0.0.1.
/// </summary>
public sealed class LibraryService : IAsyncDisposable
{
    public const string WebhookPath = "/jobs/run";

    private readonly WebApplication _app;

    private LibraryService(WebApplication app, string service, IJobManagerClient client, string webhookUrl)
    {
        _app = app;
        Service = service;
        Client = client;
        WebhookUrl = webhookUrl;
    }

    public string Service { get; }

    /// <summary>The service's client, with the service's own key.</summary>
    public IJobManagerClient Client { get; }

    public string WebhookUrl { get; }

    /// <summary>A new service: a key created with the admin key, its first signing secret rotated with its own.</summary>
    public static async Task<LibraryService> StartAsync(
        AppHostFixture fixture, Func<JobInvocation, CancellationToken, Task<JobResult>> handler)
    {
        var service = ApiClient.UniqueService("lib");
        var admin = JobManagerClient.Create(fixture.Api.BaseAddress!, AppHostFixture.AdminKey, new HttpClient());
        var key = await admin.CreateKeyAsync(service);
        // Before any job: the dispatchers have never read this service's secret, so none is cached.
        var secret = await JobManagerClient.Create(fixture.Api.BaseAddress!, key.Key, new HttpClient()).RotateSigningSecretAsync(service);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddJobManagerClient(o =>
        {
            o.BaseAddress = fixture.Api.BaseAddress;
            o.ApiKey = key.Key;
            o.Service = service;
        });
        builder.Services.AddJobManagerWebhooks(o => o.SigningSecret = secret.Secret);
        var app = builder.Build();
        app.MapJobManagerWebhook(WebhookPath, handler);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LibraryService(app, service, app.Services.GetRequiredService<IJobManagerClient>(), address + WebhookPath);
    }

    /// <summary>Saves a disabled job aimed at this service (it runs only when run now).</summary>
    public Task<PutJobResult> PutJobAsync(string job, int ttlSeconds, string? payload = null) =>
        Client.PutJobAsync(Service, job,
            new JobDefinition("rate(1 hour)", WebhookUrl) { Enabled = false, TtlSeconds = ttlSeconds, Payload = payload });

    public Task<Execution> WaitFinishedAsync(string job, string executionId, TimeSpan timeout) =>
        Wait.UntilAsync(async () =>
        {
            var execution = await Client.GetExecutionAsync(Service, job, executionId);
            return execution.IsFinished ? execution : null;
        }, timeout, $"execution {executionId} to finish");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
