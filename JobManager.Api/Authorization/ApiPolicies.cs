using JobManager.Api.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace JobManager.Api.Authorization;

/// <summary>
/// Who may call what. Every endpoint needs an admin key unless it names a policy here or allows
/// anonymous callers (callbacks, health, OpenAPI): a new endpoint is closed until opened on purpose.
/// </summary>
internal static class ApiPolicies
{
    /// <summary>Admin keys only; a service key gets 403.</summary>
    public const string Admin = "admin";

    /// <summary>Any valid key, admin or service: for routes that read no service's data.</summary>
    public const string AnyKey = "any-key";

    /// <summary>Admin keys, or the key of the <c>{service}</c> in the route; another service's key gets 404.</summary>
    public const string ServiceOwner = "service-owner";

    /// <summary>Admin keys only; the route service's own key gets 403, another service's key 404.</summary>
    public const string ServiceAdmin = "service-admin";

    public static IServiceCollection AddApiAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, ServiceScopeHandler>();
        services.AddSingleton<
            Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        var admin = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(ApiKeyClaims.AdminRole)
            .Build();
        services.AddAuthorizationBuilder()
            .AddPolicy(Admin, admin)
            .AddPolicy(AnyKey, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser())
            .AddPolicy(ServiceOwner, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .AddRequirements(new ServiceScopeRequirement()))
            .AddPolicy(ServiceAdmin, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .AddRequirements(new ServiceScopeRequirement())
                .RequireRole(ApiKeyClaims.AdminRole))
            .SetFallbackPolicy(admin);
        return services;
    }
}
