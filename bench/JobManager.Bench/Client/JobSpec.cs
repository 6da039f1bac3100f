using System.Text.Json.Serialization;

namespace JobManager.Bench.Client;

/// <summary>One job to create: its names and the <c>PUT</c> body (the seed's fields).</summary>
public sealed record JobSpec(string Service, string Job, JobBody Body);

/// <summary>The <c>PUT /services/{service}/jobs/{job}</c> body.</summary>
public sealed record JobBody(
    string InvocationTarget,
    string Schedule,
    int TtlSeconds,
    string? Payload,
    bool Exclusive = false,
    bool Enabled = true);

/// <summary>The part of the job resource the tool reads back.</summary>
public sealed record JobAnswer(string? Service, string? JobName, long? NextScheduledTimeMs);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(JobBody))]
[JsonSerializable(typeof(JobAnswer))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
