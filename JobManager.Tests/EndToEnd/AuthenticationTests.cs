using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

[Collection(AppHostCollection.Name)]
public sealed class AuthenticationTests(AppHostFixture fixture)
{
    private readonly ApiClient _admin = fixture.Client;

    private static object Job(string target) => new { invocation_target = target, schedule = "rate(1 hour)", enabled = false };

    [Theory]
    [InlineData("GET", "/services/{service}/jobs")]
    [InlineData("GET", "/services/{service}/jobs/a-job")]
    [InlineData("POST", "/services/{service}/keys")]
    [InlineData("POST", "/services/{service}/signing-secret/rotate")]
    [InlineData("GET", "/jobs")]
    [InlineData("GET", "/schedules/next?expression=rate(1%20hour)")]
    public async Task MissingKey_Is401ProblemDetails_WithABearerChallenge(string method, string path)
    {
        using var anonymous = fixture.CreateApiClient(bearerKey: null);

        using var response = await anonymous.SendAsync(
            new HttpRequestMessage(new HttpMethod(method), path.Replace("{service}", ApiClient.UniqueService(), StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(401, (await ApiClient.ReadProblemAsync(response)).GetProperty("status").GetInt32());
    }

    public static TheoryData<string> BadKeys => new()
    {
        "jm_garbage",
        "jm_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // well-formed, never issued
        AppHostFixture.AdminKey[..^1] + (AppHostFixture.AdminKey[^1] == 'z' ? 'y' : 'z'), // admin key, one character off
        AppHostFixture.AdminKey + "x",
        new string('k', 600),
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task WrongKey_Is401_WithInvalidToken(string key)
    {
        using var client = fixture.CreateApiClient(key);

        using var response = await client.GetAsync($"/services/{ApiClient.UniqueService()}/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await ApiClient.ReadProblemAsync(response);
    }

    [Fact]
    public async Task OtherAuthorizationScheme_Is401()
    {
        using var client = fixture.CreateApiClient(bearerKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("admin:x"u8.ToArray()));

        using var response = await client.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    [InlineData("/openapi/v1.json")]
    public async Task HealthAndOpenApi_NeedNoKey(string path)
    {
        using var anonymous = fixture.CreateApiClient(bearerKey: null);
        using var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DeclaresTheBearerScheme_AndTheCallbackNeedsNone()
    {
        using var anonymous = fixture.CreateApiClient(bearerKey: null);
        var document = await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json");

        Assert.Equal("bearer",
            document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal(1, document.GetProperty("security").GetArrayLength());
        var callback = document.GetProperty("paths").GetProperty("/callback/{executionId}/{token}").GetProperty("post");
        Assert.Equal(0, callback.GetProperty("security").GetArrayLength());
    }

    [Fact]
    public async Task CreatedKey_IsShownOnce_AndListedOnlyByIdAndTime()
    {
        var service = ApiClient.UniqueService();

        using var created = await _admin.Http.PostAsync($"/services/{service}/keys", null);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await ApiClient.ReadObjectAsync(created);
        var keyId = body["key_id"]!.GetValue<string>();
        Assert.Equal($"/services/{service}/keys/{keyId}", created.Headers.Location?.OriginalString);
        Assert.StartsWith("jm_", body["key"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("Z", body["created_at"]!.GetValue<string>(), StringComparison.Ordinal);

        var listed = await ApiClient.ReadObjectAsync(await _admin.Http.GetAsync($"/services/{service}/keys"));
        var item = Assert.Single(listed["items"]!.AsArray())!.AsObject();
        Assert.Equal(["created_at", "key_id"], item.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(keyId, item["key_id"]!.GetValue<string>());
        Assert.Equal(body["created_at"]!.GetValue<string>(), item["created_at"]!.GetValue<string>());
    }

    [Fact]
    public async Task ServiceKey_ManagesItsOwnJobsAndExecutions()
    {
        var service = ApiClient.UniqueService();
        var (_, key) = await _admin.CreateKeyAsync(service);
        using var http = fixture.CreateApiClient(key);
        var own = new ApiClient(http);

        await own.PutJobOkAsync(service, "mine", Job(fixture.Receiver.UrlFor($"{service}/mine")));
        Assert.NotNull(await own.GetJobAsync(service, "mine"));
        var executionId = await own.RunNowAsync(service, "mine");
        Assert.Equal(executionId, (await own.GetExecutionAsync(service, "mine", executionId))["execution_id"]!.GetValue<string>());
        Assert.Single((await own.ListExecutionsAsync(service))["items"]!.AsArray());
        await ApiClient.ReadObjectAsync(await http.GetAsync($"/services/{service}/jobs"));
        await own.RotateSigningSecretAsync(service);
        using var deleted = await http.DeleteAsync($"/services/{service}/jobs/mine");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task ServiceKey_PreviewsSchedules_WhichReadNoStoredData()
    {
        var service = ApiClient.UniqueService();
        var (_, key) = await _admin.CreateKeyAsync(service);
        using var http = fixture.CreateApiClient(key);

        var preview = await ApiClient.ReadObjectAsync(
            await http.GetAsync($"/schedules/next?expression=rate(1%20hour)&service={service}&job=mine&count=3"));

        Assert.Equal(3, preview["times"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("GET", "/jobs")]
    [InlineData("GET", "/jobs?service={service}")]
    [InlineData("POST", "/services/{service}/keys")]
    public async Task ServiceKey_IsForbidden_OnAdminEndpoints(string method, string path)
    {
        var service = ApiClient.UniqueService();
        var (_, key) = await _admin.CreateKeyAsync(service);
        using var http = fixture.CreateApiClient(key);

        using var response = await http.SendAsync(
            new HttpRequestMessage(new HttpMethod(method), path.Replace("{service}", service, StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await ApiClient.ReadProblemAsync(response);
        Assert.Single((await ApiClient.ReadObjectAsync(await _admin.Http.GetAsync($"/services/{service}/keys")))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("PATCH", "/services/{service}/jobs/a-job", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/services/{service}/signing-secret/rotate", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/services/{service}/jobs/a-job/nope", HttpStatusCode.NotFound)]
    public async Task ServiceKey_GetsTheAdminsAnswer_ForAWrongMethodOrPathUnderItsService(string method, string path,
        HttpStatusCode expected)
    {
        var service = ApiClient.UniqueService();
        var (_, key) = await _admin.CreateKeyAsync(service);
        using var http = fixture.CreateApiClient(key);
        var uri = path.Replace("{service}", service, StringComparison.Ordinal);

        using var asService = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), uri));
        using var asAdmin = await _admin.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), uri));

        Assert.Equal(expected, asAdmin.StatusCode);
        Assert.Equal(expected, asService.StatusCode);
        Assert.Equal(asAdmin.Content.Headers.Allow.Order(), asService.Content.Headers.Allow.Order());
        if (expected == HttpStatusCode.MethodNotAllowed)
        {
            Assert.NotEmpty(asService.Content.Headers.Allow);
        }
    }

    [Fact]
    public async Task WrongMethodOnACallbackUrl_Is405_WithoutAKey_ButAnUnknownPathStill401()
    {
        using var anonymous = fixture.CreateApiClient(bearerKey: null);

        using var callback = await anonymous.GetAsync("/callback/0001-x/not-a-token");
        using var unknown = await anonymous.GetAsync("/no-such-path");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, callback.StatusCode);
        Assert.Contains("POST", callback.Content.Headers.Allow);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task RevokedKey_Is401_OnTheVeryNextRequest()
    {
        var service = ApiClient.UniqueService();
        var (keyId, key) = await _admin.CreateKeyAsync(service);
        using var http = fixture.CreateApiClient(key);
        using (var before = await http.GetAsync($"/services/{service}/jobs"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var revoked = await _admin.Http.DeleteAsync($"/services/{service}/keys/{keyId}");
        using var after = await http.GetAsync($"/services/{service}/jobs");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Empty((await ApiClient.ReadObjectAsync(await _admin.Http.GetAsync($"/services/{service}/keys")))["items"]!.AsArray());
    }

    [Fact]
    public async Task ServiceKey_CanListAndRevokeItsOwnKeys()
    {
        var service = ApiClient.UniqueService();
        var (_, key) = await _admin.CreateKeyAsync(service);
        var (otherKeyId, otherKey) = await _admin.CreateKeyAsync(service);
        using var http = fixture.CreateApiClient(key);

        var listed = await ApiClient.ReadObjectAsync(await http.GetAsync($"/services/{service}/keys"));
        using var revoked = await http.DeleteAsync($"/services/{service}/keys/{otherKeyId}");
        using var again = await http.DeleteAsync($"/services/{service}/keys/{otherKeyId}");
        using var withRevoked = fixture.CreateApiClient(otherKey);
        using var refused = await withRevoked.GetAsync($"/services/{service}/jobs");

        Assert.Equal(2, listed["items"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Callback_NeedsNoApiKey_ItsTokenIsTheCredential()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/cb";
        await _admin.PutJobOkAsync(service, "cb", Job(fixture.Receiver.UrlFor(path)));
        await _admin.RunNowAsync(service, "cb");
        var webhook = (await fixture.Receiver.WaitForAsync(path, 1, TimeSpan.FromSeconds(20)))[0];
        using var anonymous = fixture.CreateApiClient(bearerKey: null);

        using var response = await anonymous.PostAsJsonAsync(webhook.CallbackUrl, new { status = "success" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
