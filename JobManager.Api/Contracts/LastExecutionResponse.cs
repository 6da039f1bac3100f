using JobManager.Core.Jobs;
using JobManager.Core.Schedules;

namespace JobManager.Api.Contracts;

/// <summary>A job's last finished execution, on the job resource (<c>last_execution</c>).</summary>
public sealed record LastExecutionResponse(string ExecutionId, string Status, string? Reason, string ScheduledTime, DateTime FinishedAt)
{
    public static LastExecutionResponse? From(LastExecution? last) => last is null
        ? null
        : new LastExecutionResponse(last.ExecutionId, last.Status, last.Reason,
            ScheduleTime.Format(DateTimeOffset.FromUnixTimeMilliseconds(last.ScheduledMs)),
            DateTimeOffset.FromUnixTimeMilliseconds(last.FinishedMs).UtcDateTime);
}
