using JobManager.Api.Authorization;
using JobManager.Api.Contracts;
using JobManager.Api.Errors;
using JobManager.Api.Validation;
using JobManager.Core.Jobs;
using JobManager.Core.Schedules;
using JobManager.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobManager.Api.Apis;

/// <summary>Backfills: running a job once for each of its past instants in a range, now.</summary>
public static class BackfillApi
{
    private static readonly HashSet<string> Fields = ["from", "to"];

    public static IEndpointRouteBuilder MapBackfillApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/services/{service}/jobs/{job}/backfill", Backfill)
            .RequireAuthorization(ApiPolicies.ServiceOwner)
            .WithTags("Executions")
            .WithName("BackfillJob")
            .WithSummary("One execution per schedule instant from 'from' to 'to' (inclusive, at most 1000), delivered now in order; 202");
        return app;
    }

    public static async Task<Results<Accepted<BackfillResponse>, ValidationProblem, ProblemHttpResult>> Backfill(
        string service, string job, HttpRequest request, JobStore jobs, BackfillStore backfills, CancellationToken cancellationToken)
    {
        var query = new QueryReader(new ValidationErrors());
        var jobRef = query.Job(service, job);
        var body = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (body.IsTooLarge)
        {
            return Problems.TooLarge();
        }
        using var document = body.Document;
        if (document is null)
        {
            query.Errors.Add("body", body.Error!);
            return Problems.Invalid(query.Errors);
        }
        var fields = new JsonFields(document.RootElement, query.Errors);
        fields.RejectUnknown(Fields, Fields);
        var from = Required(fields, "from", query.Errors);
        var to = Required(fields, "to", query.Errors);
        if (from > to)
        {
            query.Errors.Add("to", "must not be before from");
        }
        if (query.Errors.Any || from is null || to is null)
        {
            return Problems.Invalid(query.Errors);
        }
        if (await jobs.GetAsync(jobRef) is not { } stored)
        {
            return Problems.NoJob(service, job);
        }
        if (!ScheduleExpression.TryParse(stored.Schedule, out var schedule, out var error))
        {
            query.Errors.Add("schedule", error);
            return Problems.Invalid(query.Errors);
        }

        // Inclusive: strictly after a tick before `from`; one more than allowed tells "too many" apart.
        var instants = ScheduleQueue.Upcoming(schedule, jobRef, from.Value.AddTicks(-1), BackfillStore.MaxInstants + 1, stored.Calendar)
            .InstantsMs.TakeWhile(ms => ms <= to.Value.ToUnixTimeMilliseconds()).ToList();
        if (instants.Count > BackfillStore.MaxInstants)
        {
            query.Errors.Add("to", $"the range holds more than {BackfillStore.MaxInstants} instants of the schedule; backfill it in parts");
            return Problems.Invalid(query.Errors);
        }
        if (await backfills.CreateAsync(jobRef, instants) is not { } ids)
        {
            return Problems.NoJob(service, job);
        }
        return TypedResults.Accepted((string?)null, new BackfillResponse(ids.Count, ids));
    }

    private static DateTimeOffset? Required(JsonFields fields, string name, ValidationErrors errors)
    {
        if (!fields.Has(name))
        {
            errors.Add(name, "is required: an ISO-8601 UTC instant such as \"2027-01-01T00:00:00Z\"");
            return null;
        }
        return JobCalendarRequest.Instant(fields, name, errors);
    }
}
