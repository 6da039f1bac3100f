using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

/// <summary>
/// Two services, each with its own key: service B probes every route that names service A's resources.
/// Each answers 404 exactly as for a resource that does not exist, and nothing of A's changes.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class TenantIsolationTests(AppHostFixture fixture)
{
    private readonly ApiClient _admin = fixture.Client;

    private sealed record Tenants(string ServiceA, string KeyIdA, ApiClient A, ApiClient B, string ExecutionId,
        string SecretA) : IDisposable
    {
        public void Dispose()
        {
            A.Http.Dispose();
            B.Http.Dispose();
        }
    }

    private async Task<Tenants> TwoServicesAsync()
    {
        var serviceA = ApiClient.UniqueService("a");
        var serviceB = ApiClient.UniqueService("b");
        var (keyIdA, keyA) = await _admin.CreateKeyAsync(serviceA);
        var (_, keyB) = await _admin.CreateKeyAsync(serviceB);
        var a = new ApiClient(fixture.CreateApiClient(keyA));
        var b = new ApiClient(fixture.CreateApiClient(keyB));
        var secretA = (await a.RotateSigningSecretAsync(serviceA))["secret"]!.GetValue<string>();
        // Disabled: nothing fires on its own while the test compares before and after.
        await a.PutJobOkAsync(serviceA, "job",
            new { invocation_target = fixture.Receiver.UrlFor($"{serviceA}/job"), schedule = "rate(1 hour)", enabled = false });
        var executionId = await a.RunNowAsync(serviceA, "job");
        await b.PutJobOkAsync(serviceB, "job",
            new { invocation_target = fixture.Receiver.UrlFor($"{serviceB}/job"), schedule = "rate(1 hour)", enabled = false });
        return new Tenants(serviceA, keyIdA, a, b, executionId, secretA);
    }

    /// <summary>What A can see of its own: compared before and after B's attempt.</summary>
    private static async Task<string> SnapshotAsync(Tenants t)
    {
        var job = await t.A.GetJobAsync(t.ServiceA, "job");
        var executions = await t.A.ListExecutionsAsync(t.ServiceA);
        var keys = await ApiClient.ReadObjectAsync(await t.A.Http.GetAsync($"/services/{t.ServiceA}/keys"));
        var ids = executions["items"]!.AsArray().Select(e => e!["execution_id"]!.GetValue<string>());
        return $"{job?.ToJsonString()}|{string.Join(',', ids)}|{keys.ToJsonString()}";
    }

    public static TheoryData<string, string> IdBearingRoutes => new()
    {
        { "GET", "/services/{a}/jobs/job" },
        { "PUT", "/services/{a}/jobs/job" },
        { "PUT", "/services/{a}/jobs/new-job" },
        { "DELETE", "/services/{a}/jobs/job" },
        { "GET", "/services/{a}/jobs" },
        { "POST", "/services/{a}/jobs/job/executions" },
        { "GET", "/services/{a}/jobs/job/executions" },
        { "GET", "/services/{a}/jobs/job/executions/{execution}" },
        { "GET", "/services/{a}/executions" },
        { "GET", "/services/{a}/keys" },
        { "POST", "/services/{a}/keys" },
        { "DELETE", "/services/{a}/keys/{key}" },
        { "POST", "/services/{a}/signing-secret/rotate" },
    };

    [Theory]
    [MemberData(nameof(IdBearingRoutes))]
    public async Task AnotherServicesKey_GetsNotFound_AndChangesNothing(string method, string route)
    {
        using var t = await TwoServicesAsync();
        var before = await SnapshotAsync(t);
        var path = route.Replace("{a}", t.ServiceA, StringComparison.Ordinal)
            .Replace("{execution}", t.ExecutionId, StringComparison.Ordinal)
            .Replace("{key}", t.KeyIdA, StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PUT")
        {
            request.Content = JsonContent.Create(new { invocation_target = "https://attacker.example/", schedule = "rate(1 minute)" });
        }

        using var response = await t.B.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ApiClient.ReadProblemAsync(response);
        Assert.Equal("Not found", problem.GetProperty("title").GetString());
        Assert.Equal(before, await SnapshotAsync(t));
    }

    [Fact]
    public async Task AnotherServicesKey_CannotRotateItsSecret()
    {
        using var t = await TwoServicesAsync();

        using var response = await t.B.Http.PostAsync($"/services/{t.ServiceA}/signing-secret/rotate", null);
        // A rotates once more: had B's rotation gone through, the previous secret would be B's, not A's.
        var rotated = await t.A.RotateSigningSecretAsync(t.ServiceA);
        var current = rotated["secret"]!.GetValue<string>();
        var path = $"{t.ServiceA}/job";
        var webhook = await ManualRuns.RunUntilAsync(t.A, fixture.Receiver, t.ServiceA, "job", path,
            w => StandardWebhooksVerifier.Signatures(w).Length == 2, TimeSpan.FromSeconds(45));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var signatures = StandardWebhooksVerifier.Signatures(webhook);
        Assert.True(VerifiesWith(current, webhook, signatures[0]));
        Assert.True(VerifiesWith(t.SecretA, webhook, signatures[1]));
    }

    private static bool VerifiesWith(string secret, ReceivedWebhook webhook, string signature) =>
        StandardWebhooksVerifier.Verify(secret, webhook.Headers["webhook-id"], webhook.Headers["webhook-timestamp"], webhook.RawBody,
            signature, DateTimeOffset.UtcNow);

    [Fact]
    public async Task NotFound_ForAnotherService_IsTheSameBody_AsForAJobThatDoesNotExist()
    {
        using var t = await TwoServicesAsync();

        var existingAsB = await BodyAsync(t.B.Http, $"/services/{t.ServiceA}/jobs/job");
        var missingAsB = await BodyAsync(t.B.Http, $"/services/{t.ServiceA}/jobs/ghost");
        var missingAsOwner = await BodyAsync(t.A.Http, $"/services/{t.ServiceA}/jobs/ghost");

        Assert.Equal(missingAsOwner, missingAsB);
        Assert.Equal(missingAsB.Replace("ghost", "job", StringComparison.Ordinal), existingAsB);
    }

    /// <summary>A 404 body without its per-request trace id.</summary>
    private static async Task<string> BodyAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("trace_id");
        return body.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    [Fact]
    public async Task AdminKey_ReachesEveryService()
    {
        using var t = await TwoServicesAsync();

        Assert.NotNull(await _admin.GetJobAsync(t.ServiceA, "job"));
        var all = await ApiClient.ReadObjectAsync(await _admin.Http.GetAsync($"/jobs?service={t.ServiceA}"));
        Assert.Single(all["items"]!.AsArray());
    }
}
