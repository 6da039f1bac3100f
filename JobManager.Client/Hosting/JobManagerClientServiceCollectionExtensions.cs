using JobManager.Client;
using JobManager.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class JobManagerClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> behind <see cref="IJobManagerClient"/>.</summary>
    public const string HttpClientName = "JobManager.Client";

    /// <summary>
    /// Registers <see cref="IJobManagerClient"/> as a typed <see cref="HttpClient"/> with the standard resilience
    /// handler. Options are validated when the host starts.
    /// </summary>
    public static IHttpClientBuilder AddJobManagerClient(this IServiceCollection services, Action<JobManagerClientOptions> configure)
    {
        services.AddOptions<JobManagerClientOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        return services.AddJobManagerHttpClient();
    }

    internal static IHttpClientBuilder AddJobManagerHttpClient(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        var http = services.AddHttpClient(HttpClientName, (provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<JobManagerClientOptions>>().Value;
                client.BaseAddress = JobManagerClient.WithTrailingSlash(options.BaseAddress!);
            })
            .AddTypedClient<IJobManagerClient>((client, provider) =>
                new JobManagerClient(client, provider.GetRequiredService<IOptions<JobManagerClientOptions>>().Value.ApiKey));
        AddResilience(http);
        return http;
    }

    /// <summary>
    /// The standard handler, retrying all but POST and PATCH: running a job now or creating a key twice
    /// is not what a retry should do. A handler added by <c>ConfigureHttpClientDefaults</c> (Aspire's service
    /// defaults) is replaced rather than stacked.
    /// </summary>
    internal static void AddResilience(IHttpClientBuilder http, bool retryPosts = false)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental; it avoids two nested pipelines.
        http.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        http.AddStandardResilienceHandler(options =>
        {
            if (!retryPosts)
            {
                options.Retry.DisableFor(HttpMethod.Post, HttpMethod.Patch);
            }
        });
    }

    /// <summary>
    /// Registers what <c>MapJobManagerWebhook</c> needs: options bound from <c>JobManager:Webhooks</c> (then
    /// <paramref name="configure"/>), validated at start, and the background runner that heartbeats and calls back.
    /// </summary>
    public static IServiceCollection AddJobManagerWebhooks(this IServiceCollection services,
        Action<JobManagerWebhookOptions>? configure = null)
    {
        var options = services.AddOptions<JobManagerWebhookOptions>().BindConfiguration(JobManagerWebhookOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }
        options.ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<JobManagerWebhookOptions>, JobManagerWebhookOptionsValidator>());
        services.TryAddSingleton<WebhookSecrets>();
        services.TryAddSingleton<JobRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<JobRunner>());
        services.AddHostedService<SigningSecretRotation>();
        AddResilience(services.AddHttpClient(JobRunner.CallbackClientName), retryPosts: true);
        return services;
    }
}
