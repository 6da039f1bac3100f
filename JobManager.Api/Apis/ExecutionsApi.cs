using JobManager.Api.Authorization;
using JobManager.Api.Contracts;
using JobManager.Api.Errors;
using JobManager.Api.Validation;
using JobManager.Core.Executions;
using JobManager.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobManager.Api.Apis;

/// <summary>Execution history, and running a job now.</summary>
public static class ExecutionsApi
{
    public static IEndpointRouteBuilder MapExecutionsApi(this IEndpointRouteBuilder app)
    {
        var service = app.MapGroup("/services/{service}").WithTags("Executions").RequireAuthorization(ApiPolicies.ServiceOwner);
        service.MapPost("/jobs/{job}/executions", RunNow)
            .WithName("RunJobNow")
            .WithSummary("Run a job now (also when disabled); 202 with the new execution")
            .ProducesProblem(StatusCodes.Status404NotFound);
        service.MapGet("/jobs/{job}/executions", ListJobExecutions)
            .WithName("ListJobExecutions")
            .WithSummary("A job's executions, newest first, filtered by status and scheduled time");
        service.MapGet("/jobs/{job}/executions/{executionId}", GetExecution)
            .WithName("GetExecution")
            .WithSummary("One execution of a job")
            .ProducesProblem(StatusCodes.Status404NotFound);
        service.MapGet("/executions", ListServiceExecutions)
            .WithName("ListServiceExecutions")
            .WithSummary("A service's executions across its jobs, newest first");
        return app;
    }

    public static async Task<Results<Accepted<ExecutionResponse>, ValidationProblem, ProblemHttpResult>> RunNow(
        string service, string job, ExecutionStore store)
    {
        var query = new QueryReader(new ValidationErrors());
        var jobRef = query.Job(service, job);
        if (query.Errors.Any)
        {
            return Problems.Invalid(query.Errors);
        }
        if (await store.CreateManualRunAsync(jobRef) is not { } execution)
        {
            return Problems.NoJob(service, job);
        }
        return TypedResults.Accepted(
            $"/services/{service}/jobs/{job}/executions/{execution.ExecutionId}", ExecutionResponse.From(execution));
    }

    public static async Task<Results<Ok<ExecutionResponse>, ValidationProblem, ProblemHttpResult>> GetExecution(
        string service, string job, string executionId, ExecutionStore store)
    {
        var query = new QueryReader(new ValidationErrors());
        var jobRef = query.Job(service, job);
        if (query.Errors.Any)
        {
            return Problems.Invalid(query.Errors);
        }
        return await store.GetAsync(jobRef, executionId) is { } execution
            ? TypedResults.Ok(ExecutionResponse.From(execution))
            : Problems.NoExecution(service, job, executionId);
    }

    public static Task<Results<Ok<ListResponse<ExecutionResponse>>, ValidationProblem>> ListJobExecutions(
        string service, string job, string? status, string? from, string? to, string? limit, string? cursor, ExecutionStore store) =>
        List(service, job, status, from, to, limit, cursor, store);

    public static Task<Results<Ok<ListResponse<ExecutionResponse>>, ValidationProblem>> ListServiceExecutions(
        string service, string? status, string? from, string? to, string? limit, string? cursor, ExecutionStore store) =>
        List(service, null, status, from, to, limit, cursor, store);

    private static async Task<Results<Ok<ListResponse<ExecutionResponse>>, ValidationProblem>> List(
        string service, string? job, string? status, string? from, string? to, string? limit, string? cursor, ExecutionStore store)
    {
        var query = new QueryReader(new ValidationErrors());
        query.Name("service", service);
        if (job is not null)
        {
            query.Name("job", job);
        }
        var filter = new ExecutionFilter(
            query.Status(status),
            query.Instant("from", from)?.ToUnixTimeMilliseconds(),
            query.Instant("to", to)?.ToUnixTimeMilliseconds());
        if (filter.FromMs > filter.ToMs)
        {
            query.Errors.Add("from", "must not be after to");
        }
        var pageSize = query.Limit(limit);
        var position = query.Cursor(cursor, ExecutionStore.IsValidPosition);
        if (query.Errors.Any)
        {
            return Problems.Invalid(query.Errors);
        }
        var page = await store.ListAsync(service, job, filter, pageSize, position);
        return TypedResults.Ok(new ListResponse<ExecutionResponse>([.. page.Items.Select(ExecutionResponse.From)], page.NextCursor));
    }
}
