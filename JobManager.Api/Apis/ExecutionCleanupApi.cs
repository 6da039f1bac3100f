using JobManager.Api.Authorization;
using JobManager.Api.Contracts;
using JobManager.Api.Errors;
using JobManager.Api.Validation;
using JobManager.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobManager.Api.Apis;

/// <summary>Cleaning up execution history: deletes finished executions scheduled before an instant.</summary>
public static class ExecutionCleanupApi
{
    public static IEndpointRouteBuilder MapExecutionCleanupApi(this IEndpointRouteBuilder app)
    {
        var service = app.MapGroup("/services/{service}").WithTags("Executions").RequireAuthorization(ApiPolicies.ServiceOwner);
        service.MapDelete("/jobs/{job}/executions", DeleteJobExecutions)
            .WithName("DeleteJobExecutions")
            .WithSummary("Delete a job's finished executions scheduled before ?before= (ISO-8601); running and pending stay");
        service.MapDelete("/executions", DeleteServiceExecutions)
            .WithName("DeleteServiceExecutions")
            .WithSummary("Delete a service's finished executions scheduled before ?before= (ISO-8601); running and pending stay");
        return app;
    }

    public static async Task<Results<Ok<DeletedExecutionsResponse>, ValidationProblem, ProblemHttpResult>> DeleteJobExecutions(
        string service, string job, string? before, ExecutionCleanupStore store)
    {
        var query = new QueryReader(new ValidationErrors());
        var jobRef = query.Job(service, job);
        var beforeMs = Before(query, before);
        if (query.Errors.Any || beforeMs is null)
        {
            return Problems.Invalid(query.Errors);
        }
        return await store.DeleteJobExecutionsAsync(jobRef, beforeMs.Value) is { } deleted
            ? TypedResults.Ok(new DeletedExecutionsResponse(deleted))
            : Problems.NoJob(service, job);
    }

    public static async Task<Results<Ok<DeletedExecutionsResponse>, ValidationProblem>> DeleteServiceExecutions(
        string service, string? before, ExecutionCleanupStore store)
    {
        var query = new QueryReader(new ValidationErrors());
        query.Name("service", service);
        var beforeMs = Before(query, before);
        if (query.Errors.Any || beforeMs is null)
        {
            return Problems.Invalid(query.Errors);
        }
        return TypedResults.Ok(new DeletedExecutionsResponse(await store.DeleteServiceExecutionsAsync(service, beforeMs.Value)));
    }

    private static long? Before(QueryReader query, string? before)
    {
        if (before is null)
        {
            query.Errors.Add("before", "is required: an ISO-8601 instant such as 2026-12-01T00:00:00Z");
            return null;
        }
        return query.Instant("before", before)?.ToUnixTimeMilliseconds();
    }
}
