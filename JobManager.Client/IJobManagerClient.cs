using System.Text.Json;
using JobManager.Client.Resources;

namespace JobManager.Client;

/// <summary>
/// Every endpoint of the JobManager Api. Errors throw <see cref="JobManagerApiException"/> with the Api's
/// problem details; listings follow <c>next_cursor</c> page by page as the caller enumerates.
/// </summary>
public interface IJobManagerClient
{
    /// <summary>Creates or updates a job (<c>PUT /services/{service}/jobs/{job}</c>).</summary>
    Task<PutJobResult> PutJobAsync(string service, string job, JobDefinition definition, CancellationToken cancellationToken = default);

    Task<Job> GetJobAsync(string service, string job, CancellationToken cancellationToken = default);

    /// <summary>Deletes a job; it fires no more.</summary>
    Task DeleteJobAsync(string service, string job, CancellationToken cancellationToken = default);

    /// <summary>A service's jobs, by name.</summary>
    IAsyncEnumerable<Job> ListJobsAsync(string service, JobQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Every service's jobs (<c>GET /jobs</c>, admin keys only), optionally of one service.</summary>
    IAsyncEnumerable<Job> ListAllJobsAsync(string? service = null, JobQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Runs a job now, also when disabled; returns the new (pending) execution.</summary>
    Task<Execution> RunJobNowAsync(string service, string job, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /services/{service}/jobs/{job}/test</c>: sends the job a test webhook. Its answer is returned as
    /// the Api sends it; an Api without the endpoint answers 404 or 405 (thrown as problem details).
    /// </summary>
    Task<JsonElement> TestJobAsync(string service, string job, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST .../backfill</c>: one execution per schedule instant from <paramref name="from"/> to <paramref name="to"/>
    /// (inclusive, in the job's zone, at most 1,000), delivered now in schedule order.
    /// </summary>
    Task<BackfillResult> BackfillJobAsync(string service, string job, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken = default);

    Task<Execution> GetExecutionAsync(string service, string job, string executionId, CancellationToken cancellationToken = default);

    /// <summary>Executions, newest first: of one job, or of the whole service when <paramref name="job"/> is null.</summary>
    IAsyncEnumerable<Execution> ListExecutionsAsync(
        string service, string? job = null, ExecutionQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes finished executions scheduled before <paramref name="before"/>: of one job, or of the whole service when
    /// <paramref name="job"/> is null. Pending and running ones stay.
    /// </summary>
    Task<DeletedExecutions> DeleteExecutionsAsync(string service, string? job, DateTimeOffset before,
        CancellationToken cancellationToken = default);

    /// <summary>The next instants of a schedule expression (admin keys only).</summary>
    Task<SchedulePreview> GetNextScheduleTimesAsync(ScheduleQuery query, CancellationToken cancellationToken = default);

    /// <summary>Creates a service key (admin keys only); the key is in the answer and nowhere else.</summary>
    Task<CreatedServiceKey> CreateKeyAsync(string service, CancellationToken cancellationToken = default);

    IAsyncEnumerable<ServiceKeyInfo> ListKeysAsync(string service, CancellationToken cancellationToken = default);

    /// <summary>Revokes a key at once.</summary>
    Task RevokeKeyAsync(string service, string keyId, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the service's webhook signing secret; the secret is shown in this answer only.</summary>
    Task<SigningSecret> RotateSigningSecretAsync(string service, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reports on an execution at its webhook's <c>callback_url</c> (success, failure or heartbeat). The URL's
    /// token is the credential: no API key is sent.
    /// </summary>
    Task<CallbackResult> SendCallbackAsync(Uri callbackUrl, CallbackReport report, CancellationToken cancellationToken = default);
}
