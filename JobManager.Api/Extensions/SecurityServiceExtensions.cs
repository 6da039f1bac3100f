using JobManager.Api.Authentication;
using JobManager.Api.Authorization;
using JobManager.Api.Limits;
using JobManager.Api.Telemetry;

namespace JobManager.Api.Extensions;

internal static class SecurityServiceExtensions
{
    /// <summary>
    /// API keys (admin keys from configuration, service keys from Redis), who may call what, per-key
    /// rate limits and per-service limits, and keeping callback tokens out of telemetry.
    /// </summary>
    public static IHostApplicationBuilder AddApiSecurity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AdminKeyOptions>().BindConfiguration(AdminKeyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ServiceJobCounter>();
        services.AddSingleton<AdminKeys>();
        services.AddOptions<ProvisionedKeyOptions>().BindConfiguration(ProvisionedKeyOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<KeyProvisioning>();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddApiAuthorization();
        services.AddKeyRateLimiting();

        builder.AddCallbackTokenRedaction();
        return builder;
    }
}
