using System.Text.Json.Serialization;

namespace JobManager.Core.Webhooks;

/// <summary>Source-generated serializer for webhook bodies: no reflection on the dispatch hot path.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(WebhookBody))]
public sealed partial class WebhookJsonContext : JsonSerializerContext;
