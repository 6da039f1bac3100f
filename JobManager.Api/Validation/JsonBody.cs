using System.Text.Json;

namespace JobManager.Api.Validation;

/// <summary>
/// Reads a request body as a JSON object. Bodies are read by hand rather than bound to a type so
/// that every wrong type, unknown field and missing field is reported by name, all at once.
/// </summary>
public static class JsonBody
{
    public static async Task<JsonBodyResult> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException ex)
        {
            return JsonBodyResult.Invalid($"malformed JSON: {ex.Message}");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return JsonBodyResult.TooLarge();
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return JsonBodyResult.Invalid($"must be a JSON object, got {Describe(document.RootElement.ValueKind)}");
        }
        return JsonBodyResult.Ok(document);
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}

/// <summary>The outcome of reading a JSON object body.</summary>
public sealed record JsonBodyResult(JsonDocument? Document, string? Error, bool IsTooLarge)
{
    public static JsonBodyResult Ok(JsonDocument document) => new(document, null, false);
    public static JsonBodyResult Invalid(string error) => new(null, error, false);
    public static JsonBodyResult TooLarge() => new(null, null, true);
}
