using JobManager.Core.Callbacks;
using JobManager.Core.Configuration;
using JobManager.Core.Dispatch;
using JobManager.Core.Networking;
using JobManager.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JobManager.Core.Hosting;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers what both services share: validated options, the key schema, the stores, callback
    /// tokens and the outbound address policy. Expects an <c>IConnectionMultiplexer</c> (Aspire's <c>AddRedisClient</c>).
    /// </summary>
    public static IServiceCollection AddJobManagerCore(this IServiceCollection services)
    {
        services.AddOptions<JobManagerOptions>()
            .BindConfiguration(JobManagerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => AddressPolicy.From(sp.GetRequiredService<IOptions<WebhookOptions>>().Value));
        services.AddSingleton(sp => new RedisKeys(sp.GetRequiredService<IOptions<JobManagerOptions>>().Value.Shards));
        services.AddSingleton<JobStore>();
        services.AddSingleton<ExecutionStore>();
        services.AddSingleton<ExecutionCleanupStore>();
        services.AddSingleton<BackfillStore>();
        services.AddSingleton<JobTests.JobTestStore>();
        services.AddSingleton<ClaimStore>();
        services.AddSingleton<DeliveryAnswerStore>();
        services.AddSingleton<LeaseStore>();
        services.AddSingleton<RefillStore>();
        services.AddSingleton<WheelStore>();
        services.AddSingleton<RetentionStore>();
        services.AddSingleton<CallbackToken>();
        services.AddSingleton<SigningSecretStore>();
        services.AddSingleton<ServiceKeyStore>();
        services.AddHostedService<ShardCountCheck>();
        services.AddHostedService<RedisDurabilityCheck>();
        return services;
    }
}
