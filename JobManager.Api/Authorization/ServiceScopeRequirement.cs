using System.Security.Claims;
using JobManager.Api.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace JobManager.Api.Authorization;

/// <summary>The caller is an admin, or holds a key of the service named by the route's <c>{service}</c>.</summary>
internal sealed class ServiceScopeRequirement : IAuthorizationRequirement;

/// <summary>Checks <see cref="ServiceScopeRequirement"/> against the route value (ordinal: names are case-sensitive).</summary>
internal sealed class ServiceScopeHandler : AuthorizationHandler<ServiceScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ServiceScopeRequirement requirement)
    {
        if (context.User.IsInRole(ApiKeyClaims.AdminRole)
            || (context.Resource is HttpContext http
                && http.GetRouteValue("service") is string service
                && context.User.FindFirstValue(ApiKeyClaims.Service) is { } own
                && string.Equals(own, service, StringComparison.Ordinal)))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
