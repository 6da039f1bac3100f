extern alias api;

using System.Reflection;
using System.Text.Json;
using api::JobManager.Api.Contracts;
using api::JobManager.Api.Validation;

namespace JobManager.Tests.OpenApi;

/// <summary>
/// The job and callback bodies are read by hand (every error at once) and declared to OpenAPI by records:
/// a field added to one and not the other would be refused as unknown, or missing from generated clients.
/// </summary>
public sealed class RequestBodyFieldsTests
{
    private static IEnumerable<string> WireNames<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name));

    [Fact]
    public void JobRequestBody_DeclaresExactlyTheFieldsTheJobValidatorAccepts() =>
        Assert.Equal(JobRequest.KnownFields.Order(StringComparer.Ordinal), WireNames<JobRequestBody>().Order(StringComparer.Ordinal));

    [Fact]
    public void CallbackRequestBody_DeclaresExactlyTheFieldsTheCallbackValidatorAccepts() =>
        Assert.Equal(
            CallbackRequest.KnownFields.Order(StringComparer.Ordinal),
            WireNames<CallbackRequestBody>().Order(StringComparer.Ordinal));
}
