using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JobManager.Client.Webhooks;

/// <summary>
/// With <see cref="JobManagerWebhookOptions.RotateSigningSecretAtStart"/>: rotates the service's secret before
/// the server listens (hosted services start first), so the first webhook is already verifiable.
/// </summary>
internal sealed class SigningSecretRotation(
    IServiceProvider services, IOptions<JobManagerWebhookOptions> options, WebhookSecrets secrets, ILogger<SigningSecretRotation> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.RotateSigningSecretAtStart)
        {
            return;
        }
        var client = services.GetService<IJobManagerClient>()
            ?? throw new InvalidOperationException(
                "RotateSigningSecretAtStart needs AddJobManagerClient: the secret is rotated over the Api.");
        var service = services.GetRequiredService<IOptions<JobManagerClientOptions>>().Value.Service
            ?? throw new InvalidOperationException(
                "RotateSigningSecretAtStart needs the service name: Service= in the connection string, "
                + "or JobManagerClientOptions.Service.");
        var rotated = await client.RotateSigningSecretAsync(service, cancellationToken);
        secrets.Accept(rotated.Secret);
        Log.SigningSecretRotated(logger, service, rotated.PreviousValidUntil);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
