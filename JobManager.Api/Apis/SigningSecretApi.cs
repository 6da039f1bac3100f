using JobManager.Api.Authorization;
using JobManager.Api.Contracts;
using JobManager.Api.Errors;
using JobManager.Api.Validation;
using JobManager.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobManager.Api.Apis;

/// <summary>The secret a service's webhooks are signed with (Standard Webhooks).</summary>
public static class SigningSecretApi
{
    public static IEndpointRouteBuilder MapSigningSecretApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/services/{service}/signing-secret/rotate", Rotate)
            .RequireAuthorization(ApiPolicies.ServiceOwner)
            .WithTags("Signing secret")
            .WithName("RotateSigningSecret")
            .WithSummary(
                "Create or replace the webhook signing secret; shown once. The previous one keeps signing for the rotation window");
        return app;
    }

    public static async Task<Results<Ok<SigningSecretResponse>, ValidationProblem>> Rotate(
        string service, SigningSecretStore store, HttpContext context, ILoggerFactory loggers)
    {
        var query = new QueryReader(new ValidationErrors());
        query.Name("service", service);
        if (query.Errors.Any)
        {
            return Problems.Invalid(query.Errors);
        }
        var (secret, previousValidUntil) = await store.RotateAsync(service);
        Log.SigningSecretRotated(loggers.CreateLogger(Log.AuditCategory), service, KeysApi.Caller(context), previousValidUntil);
        return TypedResults.Ok(new SigningSecretResponse(secret, previousValidUntil?.UtcDateTime));
    }
}
