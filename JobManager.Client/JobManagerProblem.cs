using System.Text.Json;
using System.Text.Json.Serialization;

namespace JobManager.Client;

/// <summary>
/// The Api's RFC 9457 problem details: what went wrong, and for a 400 the offending fields under
/// <see cref="Errors"/> (field name to messages). Members the Api adds (<c>limit</c>, <c>setting</c>,
/// <c>execution_status</c>) are in <see cref="Extensions"/>.
/// </summary>
public sealed record JobManagerProblem
{
    public string? Type { get; init; }
    public string? Title { get; init; }
    public int? Status { get; init; }
    public string? Detail { get; init; }
    public string? Instance { get; init; }
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extensions { get; set; }
}
