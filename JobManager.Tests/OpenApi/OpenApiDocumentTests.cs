using JobManager.Tests.Infrastructure;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace JobManager.Tests.OpenApi;

/// <summary>
/// The OpenAPI document as a client generator reads it: every request body has a schema, parameters their
/// real types and ranges, responses their status codes, while the endpoints keep their own all-errors-at-once
/// validation (the EndToEnd tests prove that).
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class OpenApiDocumentTests(AppHostFixture fixture)
{
    private async Task<OpenApiDocument> ReadAsync()
    {
        using var anonymous = fixture.CreateApiClient(bearerKey: null);
        var text = await anonymous.GetStringAsync("/openapi/v1.json");
        var result = OpenApiDocument.Parse(text, OpenApiConstants.Json, new OpenApiReaderSettings());
        Assert.Empty(result.Diagnostic?.Errors ?? []);
        return result.Document!;
    }

    private static OpenApiOperation Operation(OpenApiDocument document, string operationId) =>
        document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).Single(o => o.OperationId == operationId);

    private static IOpenApiSchema Body(OpenApiOperation operation) =>
        Assert.Contains("application/json", operation.RequestBody!.Content!).Schema!;

    [Fact]
    public async Task PutJob_DeclaresTheJobBody_WithRequiredFieldsRangesAndNoUnknownFields()
    {
        var put = Operation(await ReadAsync(), "PutJob");

        var body = Body(put);
        Assert.True(put.RequestBody!.Required);
        Assert.Equal(["invocation_target", "schedule"], body.Required!.Order(StringComparer.Ordinal));
        Assert.False(body.AdditionalPropertiesAllowed);
        var ttl = body.Properties!["ttl_seconds"];
        Assert.True(ttl.Type!.Value.HasFlag(JsonSchemaType.Integer));
        Assert.False(ttl.Type.Value.HasFlag(JsonSchemaType.String));
        Assert.Equal("1", ttl.Minimum);
        Assert.Equal("86400", ttl.Maximum);
        Assert.Equal(300, ttl.Default!.GetValue<int>());
        Assert.True(body.Properties["enabled"].Type!.Value.HasFlag(JsonSchemaType.Boolean));
        Assert.True(body.Properties["payload"].Type!.Value.HasFlag(JsonSchemaType.String));
        Assert.Equal(["200", "201", "400", "401", "403", "404", "409", "413", "422", "429"],
            put.Responses!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("job_name", Assert.Contains("application/json", put.Responses["200"].Content!).Schema!.Properties!.Keys);
        Assert.Contains("application/problem+json", put.Responses["400"].Content!.Keys);
    }

    [Fact]
    public async Task Callback_DeclaresItsBody_WithTheStatusesAndNoKey()
    {
        var callback = Operation(await ReadAsync(), "Callback");

        var body = Body(callback);
        Assert.Equal(["status"], body.Required!);
        Assert.Equal(["failure", "heartbeat", "success"],
            body.Properties!["status"].Enum!.Select(v => v!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(1024, body.Properties["summary"].MaxLength);
        Assert.Empty(callback.Security!);
        Assert.Equal(["200", "400", "403", "404", "409", "413"], callback.Responses!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListingParameters_HaveTheirRealTypesAndRanges()
    {
        var list = Operation(await ReadAsync(), "ListServiceExecutions");
        var parameters = list.Parameters!.ToDictionary(p => p.Name!);

        var limit = parameters["limit"].Schema!;
        Assert.Equal(JsonSchemaType.Integer, limit.Type);
        Assert.Equal("1", limit.Minimum);
        Assert.Equal("1000", limit.Maximum);
        Assert.Equal(["failure", "pending", "running", "success"],
            parameters["status"].Schema!.Enum!.Select(v => v!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("date-time", parameters["from"].Schema!.Format);
        Assert.Equal(ParameterLocation.Path, parameters["service"].In);
        Assert.NotNull(parameters["service"].Schema!.Pattern);
    }
}
