using Microsoft.AspNetCore.Http.HttpResults;

namespace JobManager.Api.Errors;

/// <summary>The problem details the API answers with, built in one place so titles stay consistent.</summary>
public static class Problems
{
    public static ValidationProblem Invalid(Validation.ValidationErrors errors, string title = "The request is invalid") =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: title);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
            detail: "The request body exceeds the size this endpoint accepts.");
}
