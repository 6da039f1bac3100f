using System.Globalization;
using JobManager.Api.Authorization;
using JobManager.Api.Contracts;
using JobManager.Api.Errors;
using JobManager.Api.Validation;
using JobManager.Core.Jobs;
using JobManager.Core.Schedules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobManager.Api.Apis;

/// <summary>Previews of what a schedule expression means, before a job is saved with it.</summary>
public static class SchedulesApi
{
    public const int DefaultCount = 10;
    public const int MaxCount = 100;

    public static IEndpointRouteBuilder MapSchedulesApi(this IEndpointRouteBuilder app)
    {
        // Any key: it reads no stored data (a rate phase is a hash of the names given), so a service key
        // may preview its own schedules, e.g. in the console.
        app.MapGet("/schedules/next", Next)
            .RequireAuthorization(ApiPolicies.AnyKey)
            .WithTags("Schedules")
            .WithName("PreviewSchedule")
            .WithSummary("The next instants of a schedule expression, read in a time zone (rate phases: pass service and job)");
        return app;
    }

    public static Results<Ok<SchedulePreviewResponse>, ValidationProblem> Next(
        string? expression, string? count, string? after, string? service, string? job, string? timezone, TimeProvider clock)
    {
        var query = new QueryReader(new ValidationErrors());
        ScheduleExpression? schedule = null;
        if (expression is null)
        {
            query.Errors.Add("expression", "is required, e.g. rate(5 minutes) or cron(0/5 * * * ? *)");
        }
        else if (!ScheduleExpression.TryParse(expression, out schedule, out var error))
        {
            query.Errors.Add("expression", error);
        }
        var howMany = DefaultCount;
        if (count is not null && !(int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out howMany) && howMany is >= 1 and <= MaxCount))
        {
            query.Errors.Add("count", $"must be a whole number from 1 to {MaxCount}, got \"{count}\"");
        }
        var start = query.Instant("after", after) ?? clock.GetUtcNow();
        if ((service is null) != (job is null))
        {
            query.Errors.Add(service is null ? "service" : "job", "service and job go together: both or neither");
        }
        // Without a job, rate occurrences are shown at phase 0 (aligned to the epoch).
        var phase = 0L;
        if (service is not null && job is not null && schedule is not null)
        {
            phase = ScheduleQueue.PhaseSecondsOf(schedule, query.Job(service, job));
        }
        var zoneId = timezone ?? ScheduleZone.DefaultId;
        if (!ScheduleZone.TryFind(zoneId, out _, out var zoneError))
        {
            query.Errors.Add("timezone", zoneError);
        }
        if (query.Errors.Any || schedule is null)
        {
            return Problems.Invalid(query.Errors);
        }

        var instants = ScheduleQueue.Upcoming(schedule, phase, start, howMany, JobCalendar.Default with { TimeZoneId = zoneId }).InstantsMs;
        return TypedResults.Ok(new SchedulePreviewResponse(
            schedule.Text,
            [.. instants.Select(ms => ScheduleTime.Format(DateTimeOffset.FromUnixTimeMilliseconds(ms)))],
            zoneId));
    }
}
