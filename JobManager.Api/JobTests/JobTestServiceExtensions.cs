using JobManager.Core.Configuration;
using JobManager.Core.Networking;
using Microsoft.Extensions.Options;

namespace JobManager.Api.JobTests;

internal static class JobTestServiceExtensions
{
    public static IServiceCollection AddJobTests(this IServiceCollection services)
    {
        services.AddSingleton<TestWebhookSender>();
        services.AddSingleton<JobTestRunner>();
        // The dispatchers' handler and limits (WebhookHttpHandler): a test reaches exactly what a delivery would.
        services.AddHttpClient(TestWebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookHttpHandler.Create(
                sp.GetRequiredService<IOptions<WebhookOptions>>().Value, sp.GetRequiredService<AddressPolicy>()))
            .ConfigureHttpClient((sp, client) =>
            {
                client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds);
                client.MaxResponseContentBufferSize = 64 * 1024;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("JobManager/1.0");
            })
            // No service discovery on user-typed URLs and no retries: a test is one try.
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear());
        return services;
    }
}
