using JobManager.Core.Hosting;
using JobManager.Dispatcher.Configuration;
using JobManager.Dispatcher.Telemetry;
using JobManager.Dispatcher.TimeWheel;
using JobManager.Dispatcher.Webhooks;
using Microsoft.Extensions.Options;

namespace JobManager.Dispatcher;

internal static class DispatcherServiceExtensions
{
    public static IHostApplicationBuilder AddDispatcher(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        var services = builder.Services;
        services.AddJobManagerCore();

        services.AddOptions<DispatcherOptions>().BindConfiguration(DispatcherOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CallbackUrlOptions>().BindConfiguration(CallbackUrlOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DispatcherOptions>, DispatcherOptionsValidator>();

        services.AddSingleton<RedisClock>();
        services.AddSingleton<WakeSignal>();
        services.AddSingleton<ScheduleRefiller>();
        services.AddSingleton<WebhookBodyFactory>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<DeliveryPipeline>();
        services.AddSingleton<DispatcherHealth>();
        services.AddHealthChecks().AddCheck<DispatcherHealth>("dispatch-loop");
        services.AddHostedService<DispatchLoop>();
        services.AddHostedService<Retention.RetentionSweeper>();
        services.AddSingleton<DispatcherMetrics>();
        services.AddHostedService<WorkSampler>();

        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var webhooks = sp.GetRequiredService<IOptions<WebhookOptions>>().Value;
                return new SocketsHttpHandler
                {
                    ConnectTimeout = TimeSpan.FromSeconds(webhooks.ConnectTimeoutSeconds),
                    AllowAutoRedirect = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    UseCookies = false,
                };
            })
            .ConfigureHttpClient((sp, client) =>
            {
                client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds);
                client.DefaultRequestHeaders.UserAgent.ParseAdd("JobManager/1.0");
            })
            // Not the service defaults' handlers: service discovery must not resolve user-typed URLs to
            // our own services, and a generic retry would re-send webhooks outside the lease's control.
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear());
        return builder;
    }
}
