using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace JobManager.Api.OpenApi;

/// <summary>
/// Declares the problem details every keyed endpoint may answer, whatever its handler returns: 401 (no or
/// a wrong key), 403 (a key that may not call it), 429 (the key's rate limit) and, under
/// <c>/services/{service}</c>, 404, so generated clients know their shape. Endpoint-specific problems
/// (409, 413) are declared on the endpoints.
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    private static readonly (string Status, string Description)[] KeyedProblems =
    [
        ("401", "No API key, or one that is not valid"),
        ("403", "The key may not call this endpoint"),
        ("429", "The key's rate limit is spent; retry after Retry-After seconds"),
    ];

    private static readonly (string Status, string Description) NotFound =
        ("404", "No such resource; also what a key of another service gets");

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }
        var schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        operation.Responses ??= [];
        // Under /services/{service}: another service's key gets the 404 of a missing resource.
        var serviceScoped = context.Description.RelativePath?.StartsWith("services/{service}", StringComparison.Ordinal) == true;
        foreach (var (status, description) in serviceScoped ? [.. KeyedProblems, NotFound] : KeyedProblems)
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
