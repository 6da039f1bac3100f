using System.Globalization;
using JobManager.Api.Authorization;
using JobManager.Api.Errors;
using JobManager.Api.JobTests;
using JobManager.Api.Validation;
using JobManager.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobManager.Api.Apis;

/// <summary>
/// <c>POST /services/{s}/jobs/{j}/test</c>: the design's "callback test event". Sends the job's webhook now (with
/// <c>"test": true</c>) and waits for its callback; recorded nowhere (no execution, health or metrics).
/// </summary>
public static class JobTestApi
{
    public const string WaitSeconds = "wait_seconds";

    public static IEndpointRouteBuilder MapJobTestApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/services/{service}/jobs/{job}/test", TestJob)
            .RequireAuthorization(ApiPolicies.ServiceOwner)
            .WithTags("Jobs")
            .WithName("TestJob")
            .WithSummary("Send the job's webhook now as a test event and wait for its callback; records nothing")
            .WithDescription($"The body carries \"test\": true and a working callback_url. Waits up to {WaitSeconds} "
                + $"({JobTestRunner.MinWaitSeconds} to {JobTestRunner.MaxWaitSeconds}, default {JobTestRunner.DefaultWaitSeconds}) "
                + "for the callback; callback is null when none came or the webhook was not answered 2xx. Works on disabled jobs.")
            .Produces<JobTestResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<JobTestResponse>, ValidationProblem, ProblemHttpResult>> TestJob(
        string service, string job, string? wait_seconds, HttpRequest request, JobStore store, JobTestRunner runner,
        CancellationToken cancellationToken)
    {
        var query = new QueryReader(new ValidationErrors());
        var jobRef = query.Job(service, job);
        var wait = ReadWait(wait_seconds, query.Errors);
        if (query.Errors.Any)
        {
            return Problems.Invalid(query.Errors);
        }
        if (await store.GetAsync(jobRef) is not { } found)
        {
            return Problems.NoJob(service, job);
        }
        return TypedResults.Ok(await runner.RunAsync(JobTestTarget.Of(found), request, TimeSpan.FromSeconds(wait), cancellationToken));
    }

    private static int ReadWait(string? text, ValidationErrors errors)
    {
        if (text is null)
        {
            return JobTestRunner.DefaultWaitSeconds;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= JobTestRunner.MinWaitSeconds and <= JobTestRunner.MaxWaitSeconds)
        {
            return seconds;
        }
        errors.Add(WaitSeconds, $"must be a whole number from {JobTestRunner.MinWaitSeconds} to {JobTestRunner.MaxWaitSeconds}, "
            + $"got \"{text}\"");
        return JobTestRunner.DefaultWaitSeconds;
    }
}
