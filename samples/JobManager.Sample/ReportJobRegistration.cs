using JobManager.Client;
using JobManager.Client.Resources;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace JobManager.Sample;

/// <summary>
/// Saves the sample's job when the server listens (its URL is the webhook target) and runs it once at once,
/// so the dashboard shows an execution going round within seconds of <c>dotnet run --project JobManager.AppHost</c>.
/// </summary>
public sealed class ReportJobRegistration(
    IJobManagerClient client, IOptions<JobManagerClientOptions> options, IServer server, IHostApplicationLifetime lifetime,
    ILogger<ReportJobRegistration> logger) : BackgroundService
{
    /// <summary>Dispatchers pick a rotated signing secret up within 5 seconds; a run before that would be refused (401).</summary>
    private static readonly TimeSpan SecretPropagation = TimeSpan.FromSeconds(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        var service = options.Value.Service ?? throw new InvalidOperationException("The connection string names no Service.");
        var target = new Uri(OwnAddress(), ReportJob.Path);
        var definition = new JobDefinition("rate(1 minute)", target.AbsoluteUri) { TtlSeconds = ReportJob.TtlSeconds };
        var saved = await client.PutJobAsync(service, ReportJob.Name, definition, stoppingToken);
        Log.JobSaved(logger, service, ReportJob.Name, target, saved.Job.NextScheduledTime);

        await Task.Delay(SecretPropagation, stoppingToken);
        var execution = await client.RunJobNowAsync(service, ReportJob.Name, stoppingToken);
        Log.RanNow(logger, execution.ExecutionId);
    }

    /// <summary>
    /// Where Kestrel listens, with <c>localhost</c> as <c>127.0.0.1</c>: the Api refuses the name <c>localhost</c>
    /// as a target (the app host lets webhooks reach loopback addresses in development).
    /// </summary>
    private Uri OwnAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var http = addresses.Select(a => new UriBuilder(a)).FirstOrDefault(a => a.Scheme == "http")
            ?? throw new InvalidOperationException("The sample needs an http endpoint for its webhooks.");
        if (http.Host is "localhost" or "[::]" or "+" or "*" or "0.0.0.0")
        {
            http.Host = "127.0.0.1";
        }
        return http.Uri;
    }
}
