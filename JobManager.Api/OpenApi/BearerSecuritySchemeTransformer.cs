using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace JobManager.Api.OpenApi;

/// <summary>
/// Declares the API key scheme in the OpenAPI document (HTTP bearer) and requires it everywhere but on
/// the endpoints that allow anonymous callers, so generated clients send <c>Authorization: Bearer</c>.
/// </summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private const string SchemeId = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An admin key (JobManager:AdminKeys) or a service key (jm_…) from POST /services/{service}/keys.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, document)] = [] }];
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any())
        {
            // An empty requirement list overrides the document's: this operation needs no key.
            operation.Security = [];
        }
        return Task.CompletedTask;
    }
}
