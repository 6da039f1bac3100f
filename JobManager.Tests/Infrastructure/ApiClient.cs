using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JobManager.Tests.Infrastructure;

/// <summary>What a user does over HTTP, spelled as the seed spells it (snake_case JSON).</summary>
public sealed class ApiClient(HttpClient http)
{
    public HttpClient Http => http;

    /// <summary>A unique service name per test, so tests never see each other's jobs.</summary>
    public static string UniqueService(string prefix = "svc") => $"{prefix}-{Guid.NewGuid():N}";

    public async Task<HttpResponseMessage> PutJobAsync(string service, string job, object body) =>
        await http.PutAsJsonAsync($"/services/{service}/jobs/{job}", body);

    public async Task<JsonObject> PutJobOkAsync(string service, string job, object body)
    {
        using var response = await PutJobAsync(service, job, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"PUT {service}/{job} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<JsonObject?> GetJobAsync(string service, string job)
    {
        using var response = await http.GetAsync($"/services/{service}/jobs/{job}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadObjectAsync(response);
    }

    /// <summary>The job once <paramref name="predicate"/> holds for it (e.g. after its runs changed its health).</summary>
    public Task<JsonObject> WaitForJobAsync(string service, string job, Func<JsonObject, bool> predicate) =>
        Wait.UntilAsync(
            async () => await GetJobAsync(service, job) is { } found && predicate(found) ? found : null,
            TimeSpan.FromSeconds(15),
            $"job {service}/{job} to match");

    public async Task<JsonObject> ListExecutionsAsync(string service, string? job = null, string query = "")
    {
        var path = job is null ? $"/services/{service}/executions" : $"/services/{service}/jobs/{job}/executions";
        using var response = await http.GetAsync(path + query);
        return await ReadObjectAsync(response);
    }

    public async Task<IReadOnlyList<JsonObject>> ExecutionsAsync(string service, string job, string query = "?limit=1000")
    {
        var page = await ListExecutionsAsync(service, job, query);
        return [.. page["items"]!.AsArray().Select(i => i!.AsObject())];
    }

    public async Task<JsonObject> GetExecutionAsync(string service, string job, string executionId)
    {
        using var response = await http.GetAsync($"/services/{service}/jobs/{job}/executions/{executionId}");
        return await ReadObjectAsync(response);
    }

    /// <summary>Waits until the execution reaches a status the predicate accepts.</summary>
    public Task<JsonObject> WaitForExecutionAsync(string service, string job, string executionId, Func<JsonObject, bool> predicate,
        TimeSpan timeout) =>
        Wait.UntilAsync(async () =>
        {
            var execution = await GetExecutionAsync(service, job, executionId);
            return predicate(execution) ? execution : null;
        }, timeout, $"execution {executionId} to reach the expected state");

    /// <summary>Runs a job now; the new execution's id.</summary>
    public async Task<string> RunNowAsync(string service, string job)
    {
        using var response = await http.PostAsync($"/services/{service}/jobs/{job}/executions", null);
        return (await ReadObjectAsync(response))["execution_id"]!.GetValue<string>();
    }

    /// <summary>Creates a service API key (needs the admin key): its id and the key.</summary>
    public async Task<(string KeyId, string Key)> CreateKeyAsync(string service)
    {
        using var response = await http.PostAsync($"/services/{service}/keys", null);
        var created = await ReadObjectAsync(response);
        return (created["key_id"]!.GetValue<string>(), created["key"]!.GetValue<string>());
    }

    /// <summary>Rotates the service's signing secret: <c>{"secret": ..., "previous_valid_until": ...}</c>.</summary>
    public async Task<JsonObject> RotateSigningSecretAsync(string service)
    {
        using var response = await http.PostAsync($"/services/{service}/signing-secret/rotate", null);
        return await ReadObjectAsync(response);
    }

    public async Task<HttpResponseMessage> CallbackAsync(string callbackUrl, object body) =>
        await http.PostAsJsonAsync(callbackUrl, body);

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
