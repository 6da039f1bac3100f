using JobManager.Client.Resources;

namespace JobManager.Client;

public sealed partial class JobManagerClient
{
    /// <inheritdoc />
    public Task<Execution> GetExecutionAsync(string service, string job, string executionId,
        CancellationToken cancellationToken = default) =>
        SendAsync("GetExecution", HttpMethod.Get, $"{JobPath(service, job)}/executions/{Segment(executionId)}", Json.Execution,
            cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<Execution> ListExecutionsAsync(
        string service, string? job = null, ExecutionQuery? query = null, CancellationToken cancellationToken = default)
    {
        var filter = QueryString.Empty
            .With("status", query?.Status).With("from", query?.From).With("to", query?.To).With("limit", query?.PageSize);
        return job is null
            ? PagesAsync("ListServiceExecutions", $"services/{Segment(service)}/executions", filter, Json.PageExecution, cancellationToken)
            : PagesAsync("ListJobExecutions", JobPath(service, job) + "/executions", filter, Json.PageExecution, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DeletedExecutions> DeleteExecutionsAsync(string service, string? job, DateTimeOffset before,
        CancellationToken cancellationToken = default)
    {
        var filter = QueryString.Empty.With("before", before);
        return job is null
            ? SendAsync("DeleteServiceExecutions", HttpMethod.Delete, $"services/{Segment(service)}/executions" + filter,
                Json.DeletedExecutions, cancellationToken)
            : SendAsync("DeleteJobExecutions", HttpMethod.Delete, JobPath(service, job) + "/executions" + filter,
                Json.DeletedExecutions, cancellationToken);
    }

    /// <inheritdoc />
    public Task<SchedulePreview> GetNextScheduleTimesAsync(ScheduleQuery query, CancellationToken cancellationToken = default)
    {
        var parameters = QueryString.Empty
            .With("expression", query.Expression).With("count", query.Count).With("after", query.After)
            .With("service", query.Service).With("job", query.Job).With("timezone", query.Timezone);
        return SendAsync("PreviewSchedule", HttpMethod.Get, "schedules/next" + parameters, Json.SchedulePreview, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<CallbackResult> SendCallbackAsync(Uri callbackUrl, CallbackReport report,
        CancellationToken cancellationToken = default)
    {
        // The callback URL carries its token: the span names the route, not the URL.
        using var response = await SendRawAsync("Callback", HttpMethod.Post, callbackUrl.AbsoluteUri,
            JsonContent(report, Json.CallbackReport), cancellationToken, authenticate: false);
        return await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync(response.Content, Json.CallbackResult,
            cancellationToken)
            ?? throw new InvalidDataException("The Api answered Callback with an empty body.");
    }
}
