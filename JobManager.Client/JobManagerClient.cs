using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using JobManager.Client.Resources;
using JobManager.Client.Serialization;
using JobManager.Client.Telemetry;

namespace JobManager.Client;

/// <summary>
/// The typed client over an <see cref="HttpClient"/> whose <see cref="HttpClient.BaseAddress"/> is the Api.
/// Registered by <c>AddJobManagerClient</c>; build one by hand with <see cref="Create"/>.
/// </summary>
public sealed partial class JobManagerClient(HttpClient http, string? apiKey) : IJobManagerClient
{
    private static readonly ClientJsonContext Json = ClientJsonContext.Default;

    /// <summary>A client of the Api at <paramref name="baseAddress"/> sending <paramref name="apiKey"/>; the caller owns
    /// <paramref name="http"/>.</summary>
    public static JobManagerClient Create(Uri baseAddress, string? apiKey, HttpClient? http = null)
    {
        http ??= new HttpClient();
        http.BaseAddress = WithTrailingSlash(baseAddress);
        return new JobManagerClient(http, apiKey);
    }

    /// <summary>Relative paths resolve under the base address only when it ends with a slash.</summary>
    internal static Uri WithTrailingSlash(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");

    private static string Segment(string value) => Uri.EscapeDataString(value);

    private async Task<T> SendAsync<T>(
        string operation, HttpMethod method, string path, JsonTypeInfo<T> answer, CancellationToken cancellationToken,
        HttpContent? content = null)
    {
        using var response = await SendRawAsync(operation, method, path, content, cancellationToken);
        return await response.Content.ReadFromJsonAsync(answer, cancellationToken)
            ?? throw new InvalidDataException($"The Api answered {operation} with an empty body.");
    }

    private async Task<HttpResponseMessage> SendRawAsync(
        string operation, HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken,
        bool authenticate = true)
    {
        using var activity = JobManagerClientTelemetry.StartCall(operation, method);
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (authenticate && apiKey is not null)
        {
            // Per request, not a default header: callback URLs are absolute and must not receive the key.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
        var response = await http.SendAsync(request, cancellationToken);
        activity?.SetTag("http.response.status_code", (int)response.StatusCode);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            var problem = await ReadProblemAsync(response, cancellationToken);
            activity?.SetStatus(ActivityStatusCode.Error, problem.Title);
            throw new JobManagerApiException(response.StatusCode, problem);
        }
    }

    private static async Task<JobManagerProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            if (text.Length > 0 && JsonSerializer.Deserialize(text, Json.JobManagerProblem) is { } problem)
            {
                return problem with { Status = problem.Status ?? (int)response.StatusCode };
            }
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's page, say): keep the text as the detail below.
        }
        return new JobManagerProblem
        {
            Status = (int)response.StatusCode,
            Title = response.ReasonPhrase ?? response.StatusCode.ToString(),
            Detail = text.Length > 0 ? text[..Math.Min(text.Length, 500)] : null,
        };
    }

    private async IAsyncEnumerable<T> PagesAsync<T>(
        string operation, string path, QueryString query, JsonTypeInfo<Page<T>> pageType,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var page = await SendAsync(operation, HttpMethod.Get, path + query.With("cursor", cursor), pageType, cancellationToken);
            foreach (var item in page.Items)
            {
                yield return item;
            }
            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    private static HttpContent JsonContent<T>(T value, JsonTypeInfo<T> type) => System.Net.Http.Json.JsonContent.Create(value, type);

    private static bool IsCreated(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.Created;
}
