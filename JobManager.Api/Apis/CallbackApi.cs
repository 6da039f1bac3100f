using JobManager.Api.Contracts;
using JobManager.Api.Errors;
using JobManager.Api.Telemetry;
using JobManager.Api.Validation;
using JobManager.Core.Callbacks;
using JobManager.Core.Executions;
using JobManager.Core.JobTests;
using JobManager.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobManager.Api.Apis;

/// <summary>
/// Where services report on an execution: the <c>callback_url</c> of its webhook. Authenticated by
/// the token in the URL alone, so a service needs no other credential to call back.
/// </summary>
public static class CallbackApi
{
    public static IEndpointRouteBuilder MapCallbackApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(CallbackPath.Route, Callback)
            .AllowAnonymous()
            .WithTags("Callbacks")
            .WithName("Callback")
            .WithSummary("Report success or failure, or send a heartbeat (with progress) to extend the deadline")
            .WithDescription("A heartbeat sets the deadline to now + extend_seconds (1 to ttl_seconds, default ttl_seconds); "
                + "its state and summary show on the running execution as progress_state and progress_summary.")
            // The handler reads the body by hand (every error at once); this declares its schema.
            .Accepts<CallbackRequestBody>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    public static async Task<Results<Ok<CallbackResponse>, ValidationProblem, ProblemHttpResult>> Callback(
        string executionId, string token, HttpRequest request, CallbackToken tokens, ExecutionStore store,
        JobTestStore tests, TimeProvider time, ApiMetrics metrics, CancellationToken cancellationToken)
    {
        if (!tokens.Verify(executionId, token))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Invalid callback token",
                detail: "The token does not belong to this execution. Use the callback_url from the webhook unchanged.");
        }

        var errors = new ValidationErrors();
        var body = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (body.IsTooLarge)
        {
            return Problems.TooLarge();
        }
        using var document = body.Document;
        if (document is null)
        {
            errors.Add("body", body.Error!);
            return Problems.Invalid(errors, "The callback is invalid");
        }
        if (CallbackRequest.Read(document.RootElement, errors) is not { } report)
        {
            return Problems.Invalid(errors, "The callback is invalid");
        }

        if (JobTestId.TryParse(executionId, out _))
        {
            return await JobTests.TestCallbackHandler.ApplyAsync(executionId, report, tests, time);
        }
        var outcome = await store.ApplyCallbackAsync(executionId, report);
        if (outcome is CallbackOutcome.ExtendTooLong tooLong)
        {
            // Only the execution knows its ttl: the body's other checks cannot catch this one.
            errors.Add(CallbackRequest.ExtendSeconds, $"must be between 1 and the job's ttl_seconds ({tooLong.TtlSeconds}), "
                + $"got {report.ExtendSeconds}");
            return Problems.Invalid(errors, "The callback is invalid");
        }
        metrics.Callback(report.Status, outcome);
        CallbackTracing.Record(executionId, report.Status, outcome);
        return outcome switch
        {
            CallbackOutcome.Applied applied => TypedResults.Ok(ToResponse(executionId, applied)),
            CallbackOutcome.AlreadyFinished finished => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Execution already finished",
                detail: $"The execution already finished with status '{finished.Status}'; nothing was changed.",
                extensions: new Dictionary<string, object?> { ["execution_status"] = finished.Status }),
            _ => Problems.NotFound($"No execution '{executionId}' (it may have been removed by retention)."),
        };
    }

    private static CallbackResponse ToResponse(string executionId, CallbackOutcome.Applied applied)
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(applied.TimeMs).UtcDateTime;
        return applied.Status == ExecutionStatus.Running
            ? new CallbackResponse(executionId, applied.Status, time, applied.TimeMs, null)
            : new CallbackResponse(executionId, applied.Status, null, null, time);
    }
}
