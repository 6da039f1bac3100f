using System.Text.Json.Serialization;

namespace JobManager.Bench.Receiver;

/// <summary>The webhook body fields the receiver needs; the rest of the body is ignored.</summary>
public sealed record WebhookEnvelope(
    string? CallbackUrl,
    long ScheduledTimeMs,
    string? ExecutionId,
    string? ServiceName,
    string? JobName);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(WebhookEnvelope))]
internal sealed partial class ReceiverJsonContext : JsonSerializerContext;
