using JobManager.Api.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace JobManager.Api.Authorization;

/// <summary>
/// Answers refused requests with problem details. A key of another service gets exactly the 404 a
/// missing resource gets, so a service cannot even learn which other services or jobs exist; a key
/// that is known to lack a right it could never have (a service key on an admin endpoint) gets 403.
/// A request that matches no endpoint is not refused for want of an admin key: any valid key gets
/// routing's own 404, and anyone gets its 405 for a known path with another method (the callback URL
/// included), instead of being told that a typo on their own routes needs an admin key.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    // Routing's endpoint for a path whose routes take other methods (HttpMethodMatcherPolicy); not a RouteEndpoint.
    private const string MethodNotAllowedEndpoint = "405 HTTP Method Not Supported";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        var endpoint = context.GetEndpoint();
        if ((endpoint is null && authorizeResult.Forbidden)
            || (endpoint is not null and not RouteEndpoint && endpoint.DisplayName == MethodNotAllowedEndpoint))
        {
            await next(context);
            return;
        }
        if (!authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        var otherService = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ServiceScopeRequirement>().Any() == true;
        var answer = otherService
            ? Problems.NotFoundAt(context.Request.RouteValues)
            : Problems.Forbidden("This endpoint needs an admin key: a service key reaches only the routes under /services/{its service}/.");
        await answer.ExecuteAsync(context);
    }
}
