using JobManager.Client.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Routing;

public static class JobManagerWebhookEndpointExtensions
{
    /// <summary>
    /// Receives JobManager webhooks at <paramref name="pattern"/> (POST): verifies the Standard Webhooks
    /// signature (401 when it is wrong or stale), answers 202 at once and runs <paramref name="handler"/> in
    /// the background with heartbeats, then calls back with its <see cref="JobResult"/>; an exception is a
    /// failure whose summary is its message. Needs <c>services.AddJobManagerWebhooks()</c>.
    /// </summary>
    public static RouteHandlerBuilder MapJobManagerWebhook(
        this IEndpointRouteBuilder endpoints, string pattern, Func<JobInvocation, CancellationToken, Task<JobResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (endpoints.ServiceProvider.GetService<JobRunner>() is null)
        {
            throw new InvalidOperationException("MapJobManagerWebhook needs builder.Services.AddJobManagerWebhooks().");
        }
        Func<HttpContext, Task<IResult>> receive = context => WebhookEndpoint.ReceiveAsync(context, handler);
        // Authenticated by its signature, not by the app's authentication scheme.
        return endpoints.MapPost(pattern, receive).AllowAnonymous().ExcludeFromDescription();
    }
}
