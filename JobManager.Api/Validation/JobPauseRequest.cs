using JobManager.Core.Jobs;

namespace JobManager.Api.Validation;

/// <summary>
/// Reads a job body's pausing fields: <c>paused_reason</c> (at most 256 characters; kept while the job is
/// disabled, cleared when it is enabled) and <c>pause_after_failures</c> (0-1000, 0 for never).
/// </summary>
public static class JobPauseRequest
{
    public static readonly string[] Writable = ["paused_reason", "pause_after_failures"];

    public static (string? PausedReason, int PauseAfterFailures) Read(JsonFields fields, ValidationErrors errors)
    {
        var reason = fields.String("paused_reason");
        if (reason is not null && reason.Length > JobDefaults.MaxPausedReasonLength)
        {
            errors.Add("paused_reason", $"must be at most {JobDefaults.MaxPausedReasonLength} characters, got {reason.Length}");
        }
        var pauseAfter = fields.Int("pause_after_failures", 0, JobDefaults.MaxPauseAfterFailures) ?? 0;
        return (reason, pauseAfter);
    }
}
