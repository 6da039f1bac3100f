using System.Text;
using System.Text.Json;
using JobManager.Core.Jobs;
using JobManager.Core.Networking;
using JobManager.Core.Schedules;

namespace JobManager.Api.Validation;

/// <summary>
/// Reads a <c>PUT /services/{service}/jobs/{job}</c> body into a <see cref="JobDefinition"/>, with the
/// seed's field names. The resource's read-only fields (service, job_name, timestamps, next instant)
/// are accepted and ignored so a client can PUT back what it got from GET.
/// </summary>
public static class JobRequest
{
    private static readonly HashSet<string> Writable =
    [
        "async", "enabled", "exclusive", "invocation_target", "invocation_type", "payload", "schedule",
        "ttl_seconds", "catchup_window_seconds", .. JobCalendarRequest.Fields, "flexible_window_seconds",
        .. JobPauseRequest.Writable,
    ];

    /// <summary>Every field a job body may carry (the OpenAPI body, JobRequestBody, declares the same).</summary>
    public static IReadOnlySet<string> KnownFields => Known;

    private static readonly HashSet<string> Known =
    [
        .. Writable, "service", "job_name", "created_at", "updated_at", "next_scheduled_time", "next_scheduled_time_ms",
        // Job health (issue 19): read-only, computed from the job's runs.
        "last_execution", "last_success_time", "consecutive_failures", "health",
    ];

    public static JobDefinition? Read(JsonElement body, JobRef job, AddressPolicy policy, ValidationErrors errors)
    {
        var fields = new JsonFields(body, errors);
        fields.RejectUnknown(Known, Writable);

        var isAsync = fields.Bool("async") ?? JobDefaults.Async;
        if (!isAsync)
        {
            errors.Add("async", "only asynchronous jobs are supported, so async must be true");
        }
        var enabled = fields.Bool("enabled") ?? JobDefaults.Enabled;
        var exclusive = fields.Bool("exclusive") ?? JobDefaults.Exclusive;

        var invocationType = fields.String("invocation_type") ?? JobDefaults.InvocationType;
        if (invocationType != JobDefaults.InvocationType)
        {
            errors.Add("invocation_type", $"only \"http\" is supported, got \"{invocationType}\"");
        }

        var target = fields.String("invocation_target");
        if (target is null && !fields.Has("invocation_target"))
        {
            errors.Add("invocation_target", "is required: the absolute http(s) URL that receives the webhooks");
        }
        else if (target is not null && InvocationTarget.Problem(target, policy) is { } targetProblem)
        {
            errors.Add("invocation_target", targetProblem);
        }

        var payload = fields.String("payload", "must be a string (a JSON-encoded value, e.g. \"{\\\"foo\\\":\\\"bar\\\"}\"), not a JSON value itself");
        if (payload is not null && Encoding.UTF8.GetByteCount(payload) > JobDefaults.MaxPayloadBytes)
        {
            errors.Add("payload", $"must be at most {JobDefaults.MaxPayloadBytes} bytes (UTF-8)");
        }

        var scheduleText = fields.String("schedule");
        ScheduleExpression? schedule = null;
        if (scheduleText is null && !fields.Has("schedule"))
        {
            errors.Add("schedule", "is required, e.g. rate(5 minutes) or cron(0/5 * * * ? *)");
        }
        else if (scheduleText is not null && !ScheduleExpression.TryParse(scheduleText, out schedule, out var scheduleError))
        {
            errors.Add("schedule", scheduleError);
        }

        var ttl = fields.Int("ttl_seconds", JobDefaults.MinTtlSeconds, JobDefaults.MaxTtlSeconds) ?? JobDefaults.TtlSeconds;
        var catchup = fields.Int("catchup_window_seconds", 0, JobDefaults.MaxCatchupWindowSeconds) ?? JobDefaults.CatchupWindowSeconds;

        var (pausedReason, pauseAfterFailures) = JobPauseRequest.Read(fields, errors);
        var calendar = JobCalendarRequest.Read(fields, errors);
        var flexibleWindow = fields.Int("flexible_window_seconds", 0, FlexibleWindow.MaxSeconds) ?? 0;

        CheckEcho(fields, "service", job.Service, errors);
        CheckEcho(fields, "job_name", job.Job, errors);

        return errors.Any || schedule is null || target is null
            ? null
            : new JobDefinition(isAsync, enabled, exclusive, target, invocationType, payload, schedule, ttl, catchup)
            {
                PausedReason = pausedReason,
                PauseAfterFailures = pauseAfterFailures,
                Calendar = calendar,
                FlexibleWindowSeconds = flexibleWindow,
            };
    }

    /// <summary>A read-only identity field sent back must name the job in the path, not another.</summary>
    private static void CheckEcho(JsonFields fields, string name, string expected, ValidationErrors errors)
    {
        if (fields.String(name) is { } value && value != expected)
        {
            errors.Add(name, $"is read-only and must match the path (\"{expected}\") when sent, got \"{value}\"");
        }
    }
}
