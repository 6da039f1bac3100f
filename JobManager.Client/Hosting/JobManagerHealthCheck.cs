using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobManager.Client.Hosting;

/// <summary>Healthy when the Api answers its own <c>/health</c> (which checks its Redis) with 2xx.</summary>
internal sealed class JobManagerHealthCheck(IHttpClientFactory clients) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await clients.CreateClient(JobManagerClientServiceCollectionExtensions.HttpClientName)
                .GetAsync("health", cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus,
                    $"The JobManager Api answered /health with {(int)response.StatusCode}.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The JobManager Api is unreachable.", e);
        }
    }
}
