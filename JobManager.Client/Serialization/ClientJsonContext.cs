using System.Text.Json;
using System.Text.Json.Serialization;
using JobManager.Client.Resources;
using JobManager.Client.Webhooks;

namespace JobManager.Client.Serialization;

/// <summary>
/// The wire format, in the Api's snake_case (<c>job_name</c>, <c>next_cursor</c>), source-generated.
/// Null members are left out of requests, so the Api applies its defaults.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Job))]
[JsonSerializable(typeof(JobDefinition))]
[JsonSerializable(typeof(Execution))]
[JsonSerializable(typeof(Page<Job>))]
[JsonSerializable(typeof(Page<Execution>))]
[JsonSerializable(typeof(Page<ServiceKeyInfo>))]
[JsonSerializable(typeof(SchedulePreview))]
[JsonSerializable(typeof(CreatedServiceKey))]
[JsonSerializable(typeof(SigningSecret))]
[JsonSerializable(typeof(CallbackReport))]
[JsonSerializable(typeof(CallbackResult))]
[JsonSerializable(typeof(BackfillRange))]
[JsonSerializable(typeof(BackfillResult))]
[JsonSerializable(typeof(DeletedExecutions))]
[JsonSerializable(typeof(JobManagerProblem))]
[JsonSerializable(typeof(WebhookBody))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
