using JobManager.Api.Authorization;
using JobManager.Api.Contracts;
using JobManager.Api.Errors;
using JobManager.Api.Limits;
using JobManager.Api.Validation;
using JobManager.Core.Jobs;
using JobManager.Core.Networking;
using JobManager.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobManager.Api.Apis;

/// <summary>Create, read, update, delete and list jobs.</summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/services/{service}/jobs").WithTags("Jobs").RequireAuthorization(ApiPolicies.ServiceOwner);
        jobs.MapPut("/{job}", PutJob)
            .WithName("PutJob")
            .WithSummary("Create or update a job (idempotent): 201 when created, 200 when updated")
            // The handler reads the body by hand (every error at once); this declares its schema.
            .Accepts<JobRequestBody>("application/json")
            .Produces<JobTests.JobTestResponse>(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        jobs.MapGet("/{job}", GetJob).WithName("GetJob").WithSummary("Get one job").ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapDelete("/{job}", DeleteJob).WithName("DeleteJob").WithSummary("Delete a job; it fires no more")
            .ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapGet("/", ListServiceJobs).WithName("ListServiceJobs")
            .WithSummary("List a service's jobs by name; ?enabled= and ?health=healthy|failing|paused filter them");

        // Every service's jobs: admin keys only (a service key gets 403; it lists /services/{service}/jobs).
        app.MapGet("/jobs", ListAllJobs)
            .RequireAuthorization(ApiPolicies.Admin)
            .WithTags("Jobs")
            .WithName("ListJobs")
            .WithSummary("List every service's jobs, by service then name; ?enabled= and ?health= filter them");
        return app;
    }

    public static async Task<Results<Ok<JobResponse>, Created<JobResponse>, UnprocessableEntity<JobTests.JobTestResponse>,
        ValidationProblem, ProblemHttpResult>> PutJob(
        string service, string job, string? test, HttpRequest request, JobStore store, SigningSecretStore signingSecrets,
        AddressPolicy addressPolicy, ServiceJobCounter jobCounter, JobTests.JobTestRunner tests, CancellationToken cancellationToken)
    {
        var query = new QueryReader(new ValidationErrors());
        var jobRef = query.Job(service, job);
        var testFirst = query.Bool("test", test) == true;
        var body = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (body.IsTooLarge)
        {
            return Problems.TooLarge();
        }
        using var document = body.Document;
        if (document is null)
        {
            query.Errors.Add("body", body.Error!);
            return Problems.Invalid(query.Errors, "The job is invalid");
        }
        var definition = JobRequest.Read(document.RootElement, jobRef, addressPolicy, query.Errors);
        if (definition is null || query.Errors.Any)
        {
            return Problems.Invalid(query.Errors, "The job is invalid");
        }

        // A soft limit (the count spans shards, so it cannot be taken in the same script as the write).
        if (!await jobCounter.AllowsAsync(jobRef))
        {
            var maxJobs = jobCounter.Limit;
            return Problems.LimitReached("Job limit reached",
                $"Service '{service}' has {maxJobs} jobs, the most allowed. Delete jobs, or ask an operator to raise {LimitsOptions.JobsPerServiceSetting}.",
                LimitsOptions.JobsPerServiceSetting, maxJobs);
        }
        // Webhooks are signed from the first one on; the service sees the secret by rotating it.
        await signingSecrets.EnsureAsync(service);
        if (testFirst)
        {
            // The design's test "when a service configures a job": a target that does not take it is not saved.
            var tested = await tests.RunAsync(JobTests.JobTestTarget.Of(jobRef, definition), request, wait: null, cancellationToken);
            if (!tested.Webhook.Succeeded)
            {
                return TypedResults.UnprocessableEntity(tested);
            }
        }

        var outcome = await store.UpsertAsync(jobRef, definition);
        if (outcome.Created)
        {
            jobCounter.Created(service);
        }
        var response = JobResponse.From(outcome.Job);
        return outcome.Created
            ? TypedResults.Created($"/services/{service}/jobs/{job}", response)
            : TypedResults.Ok(response);
    }

    public static async Task<Results<Ok<JobResponse>, ValidationProblem, ProblemHttpResult>> GetJob(
        string service, string job, JobStore store)
    {
        var query = new QueryReader(new ValidationErrors());
        var jobRef = query.Job(service, job);
        if (query.Errors.Any)
        {
            return Problems.Invalid(query.Errors);
        }
        return await store.GetAsync(jobRef) is { } found
            ? TypedResults.Ok(JobResponse.From(found))
            : Problems.NoJob(service, job);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteJob(
        string service, string job, JobStore store)
    {
        var query = new QueryReader(new ValidationErrors());
        var jobRef = query.Job(service, job);
        if (query.Errors.Any)
        {
            return Problems.Invalid(query.Errors);
        }
        return await store.DeleteAsync(jobRef)
            ? TypedResults.NoContent()
            : Problems.NoJob(service, job);
    }

    public static Task<Results<Ok<ListResponse<JobResponse>>, ValidationProblem>> ListServiceJobs(
        string service, string? enabled, string? health, string? limit, string? cursor, JobStore store) =>
        List(service, enabled, health, limit, cursor, store);

    public static Task<Results<Ok<ListResponse<JobResponse>>, ValidationProblem>> ListAllJobs(
        string? service, string? enabled, string? health, string? limit, string? cursor, JobStore store) =>
        List(service, enabled, health, limit, cursor, store);

    private static async Task<Results<Ok<ListResponse<JobResponse>>, ValidationProblem>> List(
        string? service, string? enabled, string? health, string? limit, string? cursor, JobStore store)
    {
        var query = new QueryReader(new ValidationErrors());
        if (service is not null)
        {
            query.Name("service", service);
        }
        var enabledFilter = query.Bool("enabled", enabled);
        if (health is not null && !JobHealth.Values.Contains(health))
        {
            query.Errors.Add("health", $"must be one of {string.Join(", ", JobHealth.Values)}, got \"{health}\"");
        }
        var pageSize = query.Limit(limit);
        var position = query.Cursor(cursor, p => service is null ? p.Contains(' ') : !p.Contains(' '));
        if (query.Errors.Any)
        {
            return Problems.Invalid(query.Errors);
        }
        var page = await store.ListAsync(service, enabledFilter, pageSize, position, health);
        return TypedResults.Ok(new ListResponse<JobResponse>([.. page.Items.Select(JobResponse.From)], page.NextCursor));
    }
}
