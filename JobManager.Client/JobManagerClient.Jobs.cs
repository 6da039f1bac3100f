using System.Net.Http.Json;
using System.Text.Json;
using JobManager.Client.Resources;

namespace JobManager.Client;

public sealed partial class JobManagerClient
{
    private static string JobPath(string service, string job) => $"services/{Segment(service)}/jobs/{Segment(job)}";

    /// <inheritdoc />
    public async Task<PutJobResult> PutJobAsync(string service, string job, JobDefinition definition,
        CancellationToken cancellationToken = default)
    {
        using var response = await SendRawAsync("PutJob", HttpMethod.Put, JobPath(service, job),
            JsonContent(definition, Json.JobDefinition), cancellationToken);
        var saved = await response.Content.ReadFromJsonAsync(Json.Job, cancellationToken)
            ?? throw new InvalidDataException("The Api answered PutJob with an empty body.");
        return new PutJobResult(saved, IsCreated(response));
    }

    /// <inheritdoc />
    public Task<Job> GetJobAsync(string service, string job, CancellationToken cancellationToken = default) =>
        SendAsync("GetJob", HttpMethod.Get, JobPath(service, job), Json.Job, cancellationToken);

    /// <inheritdoc />
    public async Task DeleteJobAsync(string service, string job, CancellationToken cancellationToken = default)
    {
        using var response = await SendRawAsync("DeleteJob", HttpMethod.Delete, JobPath(service, job), null, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Job> ListJobsAsync(string service, JobQuery? query = null, CancellationToken cancellationToken = default) =>
        PagesAsync("ListServiceJobs", $"services/{Segment(service)}/jobs", JobFilter(query), Json.PageJob, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<Job> ListAllJobsAsync(string? service = null, JobQuery? query = null,
        CancellationToken cancellationToken = default) =>
        PagesAsync("ListJobs", "jobs", JobFilter(query).With("service", service), Json.PageJob, cancellationToken);

    private static QueryString JobFilter(JobQuery? query) =>
        QueryString.Empty.With("enabled", query?.Enabled).With("health", query?.Health).With("limit", query?.PageSize);

    /// <inheritdoc />
    public Task<Execution> RunJobNowAsync(string service, string job, CancellationToken cancellationToken = default) =>
        SendAsync("RunJobNow", HttpMethod.Post, JobPath(service, job) + "/executions", Json.Execution, cancellationToken);

    /// <inheritdoc />
    public Task<JsonElement> TestJobAsync(string service, string job, CancellationToken cancellationToken = default) =>
        SendAsync("TestJob", HttpMethod.Post, JobPath(service, job) + "/test", Json.JsonElement, cancellationToken);

    /// <inheritdoc />
    public async Task<BackfillResult> BackfillJobAsync(string service, string job, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken = default)
    {
        using var response = await SendRawAsync("BackfillJob", HttpMethod.Post, JobPath(service, job) + "/backfill",
            JsonContent(new BackfillRange(from.ToUniversalTime(), to.ToUniversalTime()), Json.BackfillRange), cancellationToken);
        return await response.Content.ReadFromJsonAsync(Json.BackfillResult, cancellationToken)
            ?? throw new InvalidDataException("The Api answered BackfillJob with an empty body.");
    }
}
