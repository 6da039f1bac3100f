using JobManager.Api.Contracts;
using JobManager.Api.Errors;
using JobManager.Core.Executions;
using JobManager.Core.JobTests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobManager.Api.JobTests;

/// <summary>
/// A callback to a test event's <c>callback_url</c>: answered as an execution's would be, but it records only into
/// the test's own key (a final status, for the waiting test) and never touches executions, health or metrics.
/// </summary>
internal static class TestCallbackHandler
{
    /// <summary>A test has no ttl_seconds of its own; a heartbeat without extend_seconds extends it by this.</summary>
    private const int DefaultExtendSeconds = 60;

    public static async Task<Results<Ok<CallbackResponse>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        string testId, CallbackReport report, JobTestStore tests, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var found = report.Status == CallbackReport.Heartbeat
            ? await tests.ExistsAsync(testId)
            : await tests.RecordAsync(testId, report.Status, now.ToUnixTimeMilliseconds());
        if (!found)
        {
            return Problems.NotFound($"No test event '{testId}' is waiting (tests are kept for a minute after they stop waiting).");
        }
        if (report.Status == CallbackReport.Heartbeat)
        {
            var deadline = now.AddSeconds(report.ExtendSeconds ?? DefaultExtendSeconds);
            return TypedResults.Ok(new CallbackResponse(testId, ExecutionStatus.Running, deadline.UtcDateTime,
                deadline.ToUnixTimeMilliseconds(), null));
        }
        return TypedResults.Ok(new CallbackResponse(testId, report.Status, null, null, now.UtcDateTime));
    }
}
