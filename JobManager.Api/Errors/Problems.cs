using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobManager.Api.Errors;

/// <summary>The problem details the API answers with, built in one place so titles stay consistent.</summary>
public static class Problems
{
    public static ValidationProblem Invalid(Validation.ValidationErrors errors, string title = "The request is invalid") =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: title);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static ProblemHttpResult NoJob(string service, string job) => NotFound($"Service '{service}' has no job '{job}'.");

    public static ProblemHttpResult NoExecution(string service, string job, string executionId) =>
        NotFound($"Job '{service}/{job}' has no execution '{executionId}'.");

    public static ProblemHttpResult NoKey(string service, string keyId) => NotFound($"Service '{service}' has no key '{keyId}'.");

    /// <summary>
    /// The 404 of a route, as its handler would answer for a missing job, execution or key: what a
    /// key of another service gets, so it cannot tell another service's resources from missing ones.
    /// </summary>
    public static ProblemHttpResult NotFoundAt(RouteValueDictionary route)
    {
        string? Value(string name) => route.TryGetValue(name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
        var service = Value("service") ?? "";
        return (Value("job"), Value("executionId"), Value("keyId")) switch
        {
            ({ } job, { } executionId, _) => NoExecution(service, job, executionId),
            ({ } job, null, _) => NoJob(service, job),
            (null, _, { } keyId) => NoKey(service, keyId),
            _ => NotFound($"Service '{service}' was not found."),
        };
    }

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    public static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
            detail: "The request body exceeds the size this endpoint accepts.");

    /// <summary>409 when a per-service limit (jobs, keys) would be exceeded; <c>limit</c> names it.</summary>
    public static ProblemHttpResult LimitReached(string title, string detail, string setting, int limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["limit"] = limit, ["setting"] = setting });

    public static ProblemHttpResult TooManyRequests(int retryAfterSeconds) =>
        TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"This key sent more requests than its rate limit allows; retry after {retryAfterSeconds} s.");
}
