using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using JobManager.Core.Jobs;
using JobManager.Core.Schedules;

namespace JobManager.Api.Contracts;

/// <summary>
/// The body of <c>PUT /services/{service}/jobs/{job}</c> as the OpenAPI document declares it. The endpoint
/// reads the body by hand (<see cref="Validation.JobRequest"/>) so that every problem is reported at once,
/// by field; this type only describes that body to generators, with the same rules.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record JobRequestBody
{
    [Description("cron(...), rate(...) or at(...), in timezone (UTC by default), e.g. rate(5 minutes) or cron(0/5 * * * ? *)")]
    public required string Schedule { get; init; }

    [Description("Absolute http(s) URL that receives the webhooks; a public address unless the operator allows others")]
    [MaxLength(Validation.InvocationTarget.MaxLength)]
    public required string InvocationTarget { get; init; }

    [Description("Only asynchronous jobs exist: false is refused")]
    [DefaultValue(JobDefaults.Async)]
    public bool? Async { get; init; }

    [Description("false pauses the job: it leaves the schedule and records nothing")]
    [DefaultValue(JobDefaults.Enabled)]
    public bool? Enabled { get; init; }

    [Description("true: an instant whose previous execution is still pending or running fails at once (exclusive_conflict)")]
    [DefaultValue(JobDefaults.Exclusive)]
    public bool? Exclusive { get; init; }

    [Description("The only type is http")]
    [DefaultValue(JobDefaults.InvocationType)]
    [AllowedValues(JobDefaults.InvocationType)]
    public string? InvocationType { get; init; }

    [Description("A string (a JSON-encoded value) sent with every webhook, at most 64 KiB in UTF-8")]
    public string? Payload { get; init; }

    [Description("No final callback within it fails the execution as timeout; each heartbeat grants it again")]
    [Range(JobDefaults.MinTtlSeconds, JobDefaults.MaxTtlSeconds)]
    [DefaultValue(JobDefaults.TtlSeconds)]
    public int? TtlSeconds { get; init; }

    [Description("After an outage, the latest missed instant still fires if it is at most this old")]
    [Range(0, JobDefaults.MaxCatchupWindowSeconds)]
    [DefaultValue(JobDefaults.CatchupWindowSeconds)]
    public int? CatchupWindowSeconds { get; init; }

    [Description("IANA time zone in which cron(...) and at(...) are read, e.g. Europe/Berlin; rate(...) ignores it")]
    [DefaultValue("UTC")]
    public string? Timezone { get; init; }

    [Description("No instant fires before it (UTC ISO-8601); null: unbounded")]
    public DateTime? StartTime { get; init; }

    [Description("No instant fires after it (UTC ISO-8601, after start_time); null: unbounded")]
    public DateTime? EndTime { get; init; }

    [Description("Each instant fires up to this many seconds late, by an offset hashed from the job and the instant")]
    [Range(0, FlexibleWindow.MaxSeconds)]
    [DefaultValue(0)]
    public int? FlexibleWindowSeconds { get; init; }

    [Description("Why the job is paused: kept while enabled is false, cleared when the job is enabled again")]
    [MaxLength(JobDefaults.MaxPausedReasonLength)]
    public string? PausedReason { get; init; }

    [Description("Disable the job after this many consecutive failures (0: never)")]
    [Range(0, JobDefaults.MaxPauseAfterFailures)]
    [DefaultValue(0)]
    public int? PauseAfterFailures { get; init; }

    [Description("Read-only: accepted so a GET response can be sent back; must match the path")]
    public string? Service { get; init; }

    [Description("Read-only: accepted so a GET response can be sent back; must match the path")]
    public string? JobName { get; init; }

    [Description("Read-only: accepted and ignored")]
    public DateTime? CreatedAt { get; init; }

    [Description("Read-only: accepted and ignored")]
    public DateTime? UpdatedAt { get; init; }

    [Description("Read-only: accepted and ignored")]
    public string? NextScheduledTime { get; init; }

    [Description("Read-only: accepted and ignored")]
    public long? NextScheduledTimeMs { get; init; }

    [Description("Read-only (job health): accepted and ignored")]
    public LastExecutionResponse? LastExecution { get; init; }

    [Description("Read-only (job health): accepted and ignored")]
    public DateTime? LastSuccessTime { get; init; }

    [Description("Read-only (job health): accepted and ignored")]
    public int? ConsecutiveFailures { get; init; }

    [Description("Read-only (job health): accepted and ignored")]
    public string? Health { get; init; }
}
