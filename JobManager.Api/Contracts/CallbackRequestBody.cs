using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using JobManager.Core.Executions;
using JobManager.Core.Jobs;

namespace JobManager.Api.Contracts;

/// <summary>
/// The body a service POSTs to a <c>callback_url</c>, as the OpenAPI document declares it. The endpoint
/// reads it by hand (<see cref="Validation.CallbackRequest"/>), reporting every problem at once.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CallbackRequestBody
{
    [Description("success or failure finishes the execution; heartbeat extends its deadline (extend_seconds)")]
    public required CallbackStatus Status { get; init; }

    [Description("Kept on success and sent with the next webhook; on a heartbeat, shown as progress_state while running")]
    [MaxLength(CallbackReport.MaxStateBytes)]
    public string? State { get; init; }

    [Description("A short human-readable outcome, shown in execution listings; on a heartbeat, progress_summary")]
    [MaxLength(CallbackReport.MaxSummaryBytes)]
    public string? Summary { get; init; }

    [Description("The service's own id for this run, for correlating logs")]
    [MaxLength(CallbackReport.MaxCorrelationIdBytes)]
    public string? CorrelationId { get; init; }

    [Description("Heartbeats only: the deadline becomes now + extend_seconds (1 to the job's ttl_seconds; default ttl_seconds)")]
    [Range(1, JobDefaults.MaxTtlSeconds)]
    public int? ExtendSeconds { get; init; }
}

/// <summary>What a callback reports.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CallbackStatus>))]
public enum CallbackStatus
{
    [JsonStringEnumMemberName("success")] Success,
    [JsonStringEnumMemberName("failure")] Failure,
    [JsonStringEnumMemberName("heartbeat")] Heartbeat,
}
