using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace JobManager.Api.OpenApi;

/// <summary>
/// Declares the problem details every keyed endpoint may answer, whatever its handler returns: 401 (no or
/// a wrong key), 403 (a key that may not call it) and 429 (the key's rate limit), so generated clients
/// know their shape. Endpoint-specific problems (404, 409, 413) are declared on the endpoints.
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    private static readonly (string Status, string Description)[] KeyedProblems =
    [
        ("401", "No API key, or one that is not valid"),
        ("403", "The key may not call this endpoint"),
        ("429", "The key's rate limit is spent; retry after Retry-After seconds"),
    ];

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }
        var schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        operation.Responses ??= [];
        foreach (var (status, description) in KeyedProblems)
        {
            if (!operation.Responses.ContainsKey(status))
            {
                operation.Responses[status] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
                };
            }
        }
    }
}
