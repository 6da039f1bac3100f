using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace JobManager.Bench.Client;

/// <summary>
/// The Api as a user's script calls it: <c>PUT</c> and <c>DELETE</c> of jobs, with
/// <c>Authorization: Bearer</c> when a key is given. One HttpClient, up to N connections.
/// </summary>
public sealed class JobsClient : IDisposable
{
    private readonly HttpClient _http;

    public JobsClient(Uri api, string? apiKey, int connections)
    {
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
        })
        {
            BaseAddress = api,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (apiKey is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    /// <summary>Creates or updates a job; returns its next instant (ms) as the Api computed it.</summary>
    public async Task<long?> PutAsync(JobSpec spec, CancellationToken cancellationToken)
    {
        // Serialized first, so the request has a Content-Length as curl's or most clients' do, not the
        // chunked body PutAsJsonAsync streams.
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(spec.Body, ClientJsonContext.Default.JobBody));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PutAsync(JobPath(spec.Service, spec.Job), content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new ApiException($"PUT {JobPath(spec.Service, spec.Job)}: HTTP {(int)response.StatusCode} {Truncate(detail)}");
        }
        var answer = await response.Content.ReadFromJsonAsync(ClientJsonContext.Default.JobAnswer, cancellationToken);
        return answer?.NextScheduledTimeMs;
    }

    public async Task DeleteAsync(string service, string job, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(JobPath(service, job), cancellationToken);
        if (!response.IsSuccessStatusCode && (int)response.StatusCode != 404)
        {
            throw new ApiException($"DELETE {JobPath(service, job)}: HTTP {(int)response.StatusCode}");
        }
    }

    private static string JobPath(string service, string job) =>
        $"/services/{Uri.EscapeDataString(service)}/jobs/{Uri.EscapeDataString(job)}";

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    public void Dispose() => _http.Dispose();
}

/// <summary>The Api refused a request the tool needs; the message has the status and problem detail.</summary>
public sealed class ApiException(string message) : Exception(message);
