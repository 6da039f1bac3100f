using System.Security.Claims;
using JobManager.Api.Authentication;
using JobManager.Api.Authorization;
using JobManager.Api.Contracts;
using JobManager.Api.Errors;
using JobManager.Api.Limits;
using JobManager.Api.Validation;
using JobManager.Core.Access;
using JobManager.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace JobManager.Api.Apis;

/// <summary>
/// A service's API keys: created by an admin (the key is shown once), listed and revoked by an admin
/// or the service itself. Revocation is immediate.
/// </summary>
public static class KeysApi
{
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/services/{service}/keys").WithTags("Keys");
        keys.MapPost("/", CreateKey)
            .RequireAuthorization(ApiPolicies.ServiceAdmin)
            .WithName("CreateServiceKey")
            .WithSummary("Create an API key for the service (admin); the key is in this response only")
            .ProducesProblem(StatusCodes.Status409Conflict);
        keys.MapGet("/", ListKeys)
            .RequireAuthorization(ApiPolicies.ServiceOwner)
            .WithName("ListServiceKeys")
            .WithSummary("The service's key ids and creation times");
        keys.MapDelete("/{keyId}", RevokeKey)
            .RequireAuthorization(ApiPolicies.ServiceOwner)
            .WithName("RevokeServiceKey")
            .WithSummary("Revoke a key; it authenticates nothing from now on")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Created<CreatedKeyResponse>, ValidationProblem, ProblemHttpResult>> CreateKey(
        string service, ServiceKeyStore store, IOptions<LimitsOptions> limits, HttpContext context, ILoggerFactory loggers)
    {
        var query = new QueryReader(new ValidationErrors());
        query.Name("service", service);
        if (query.Errors.Any)
        {
            return Problems.Invalid(query.Errors);
        }
        var maxKeys = limits.Value.KeysPerService;
        if (await store.CreateAsync(service, maxKeys) is not { } created)
        {
            return Problems.LimitReached("Key limit reached",
                $"Service '{service}' has {maxKeys} keys, the most allowed. Revoke one first, or ask an operator to raise " +
                $"{LimitsOptions.KeysPerServiceSetting}.",
                LimitsOptions.KeysPerServiceSetting, maxKeys);
        }
        Log.KeyCreated(loggers.CreateLogger(Log.AuditCategory), created.KeyId, service, Caller(context));
        return TypedResults.Created($"/services/{service}/keys/{created.KeyId}",
            new CreatedKeyResponse(created.KeyId, created.Key, created.CreatedAt.UtcDateTime));
    }

    public static async Task<Results<Ok<ListResponse<KeyResponse>>, ValidationProblem>> ListKeys(string service, ServiceKeyStore store)
    {
        var query = new QueryReader(new ValidationErrors());
        query.Name("service", service);
        if (query.Errors.Any)
        {
            return Problems.Invalid(query.Errors);
        }
        var keys = await store.ListAsync(service);
        // A service has few keys (JobManager:Limits:KeysPerService), so the list is one page.
        return TypedResults.Ok(
            new ListResponse<KeyResponse>([.. keys.Select(k => new KeyResponse(k.KeyId, k.CreatedAt.UtcDateTime))], null));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RevokeKey(
        string service, string keyId, ServiceKeyStore store, HttpContext context, ILoggerFactory loggers)
    {
        var query = new QueryReader(new ValidationErrors());
        query.Name("service", service);
        if (query.Errors.Any)
        {
            return Problems.Invalid(query.Errors);
        }
        if (!ServiceKey.IsKeyId(keyId) || !await store.RevokeAsync(service, keyId))
        {
            return Problems.NoKey(service, keyId);
        }
        Log.KeyRevoked(loggers.CreateLogger(Log.AuditCategory), keyId, service, Caller(context));
        return TypedResults.NoContent();
    }

    /// <summary>The calling key's id, for the audit trail.</summary>
    internal static string? Caller(HttpContext context) => context.User.FindFirstValue(ApiKeyClaims.KeyId);
}
