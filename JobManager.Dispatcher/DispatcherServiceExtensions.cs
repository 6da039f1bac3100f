using JobManager.Core.Configuration;
using JobManager.Core.Hosting;
using JobManager.Core.Networking;
using JobManager.Dispatcher.Clock;
using JobManager.Dispatcher.Configuration;
using JobManager.Dispatcher.Deliveries;
using JobManager.Dispatcher.Leases;
using JobManager.Dispatcher.Telemetry;
using JobManager.Dispatcher.TimeWheel;
using JobManager.Dispatcher.Webhooks;
using Microsoft.Extensions.Options;
using Polly;

namespace JobManager.Dispatcher;

internal static class DispatcherServiceExtensions
{
    public static IHostApplicationBuilder AddDispatcher(this IHostApplicationBuilder builder)
    {
        // Dispatch spans stay sampled without an exporter: the webhook's traceparent then says
        // "sampled", so a service's own parent-based sampler keeps its spans of the delivery.
        builder.AddRedisClientTracedWhenExported("redis");
        var services = builder.Services;
        services.AddJobManagerCore();

        services.AddOptions<DispatcherOptions>().BindConfiguration(DispatcherOptions.SectionName).ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RecordingOptions>().BindConfiguration(RecordingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CallbackUrlOptions>().BindConfiguration(CallbackUrlOptions.SectionName).ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<RedisClock>();
        services.AddSingleton<WakeSignal>();
        services.AddSingleton<ScheduleRefiller>();
        services.AddMemoryCache();
        services.AddSingleton<SigningSecretCache>();
        services.AddSingleton<WebhookBodyFactory>();
        services.AddSingleton<DeliveryRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryRecorder>());
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<DeliveryPipeline>();
        services.AddSingleton<DispatcherHealth>();
        services.AddHealthChecks().AddCheck<DispatcherHealth>("dispatch-loop");
        services.AddHostedService<DispatchLoop>();
        // After the loop, so it stops first: the loop's stop then releases what it still holds.
        services.AddSingleton<ReservationHold>();
        services.AddHostedService(sp => sp.GetRequiredService<ReservationHold>());
        services.AddHostedService<LeaseKeeper>();
        services.AddHostedService<Retention.RetentionSweeper>();
        services.AddSingleton<DispatcherMetrics>();
        services.AddHostedService<WorkSampler>();

        services.AddHttpClient(WebhookSender.ClientName)
            // The SSRF guard: every address is checked when the connection is made (WebhookHttpHandler).
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookHttpHandler.Create(
                sp.GetRequiredService<IOptions<WebhookOptions>>().Value, sp.GetRequiredService<AddressPolicy>()))
            .ConfigureHttpClient((sp, client) =>
            {
                client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds);
                client.MaxResponseContentBufferSize = WebhookSender.MaxResponseBytes;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("JobManager/1.0");
            })
            // The dispatcher logs each delivery's outcome itself; the factory's per-request logging
            // handlers cost CPU on every webhook even when their level is off.
            .RemoveAllLoggers()
            // Not the service defaults' handlers: service discovery must not resolve user-typed URLs to
            // our own services, and retries are WebhookRetry's, which knows each execution's budget.
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear());
        services.AddResiliencePipeline<string, HttpResponseMessage>(WebhookRetry.PipelineName, (pipeline, context) =>
            WebhookRetry.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value));
        return builder;
    }
}
