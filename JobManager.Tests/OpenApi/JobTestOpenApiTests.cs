using JobManager.Tests.Infrastructure;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace JobManager.Tests.OpenApi;

/// <summary>The test-event route in the OpenAPI document: its typed wait_seconds, its answer and its problems.</summary>
[Collection(AppHostCollection.Name)]
public sealed class JobTestOpenApiTests(AppHostFixture fixture)
{
    [Fact]
    public async Task TestJob_DeclaresWaitSecondsAsAnIntegerFrom1To30_AndItsResponses()
    {
        using var anonymous = fixture.CreateApiClient(bearerKey: null);
        var text = await anonymous.GetStringAsync("/openapi/v1.json");
        var document = OpenApiDocument.Parse(text, OpenApiConstants.Json, new OpenApiReaderSettings()).Document!;
        var operation = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .Single(o => o.OperationId == "TestJob");

        var wait = operation.Parameters!.Single(p => p.Name == "wait_seconds").Schema!;
        Assert.Equal(JsonSchemaType.Integer, wait.Type);
        Assert.Equal("1", wait.Minimum);
        Assert.Equal("30", wait.Maximum);
        Assert.Equal(10, wait.Default!.GetValue<int>());
        Assert.Subset(operation.Responses!.Keys.ToHashSet(), new HashSet<string> { "200", "400", "401", "404" });
        var answer = Assert.Contains("application/json", operation.Responses["200"].Content!).Schema!;
        Assert.Equal(["callback", "webhook"], answer.Properties!.Keys.Order(StringComparer.Ordinal));
    }
}
