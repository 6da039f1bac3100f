using System.Net;
using JobManager.Client;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Client;

/// <summary>
/// A key given to the Api in configuration (what the app host's <c>WithJobManager</c> does for a project) is
/// stored at start and reaches its own service only.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class ProvisionedKeyTests(AppHostFixture fixture)
{
    [Fact]
    public async Task ProvisionedKey_ReachesItsService_AndNoOther()
    {
        var client = JobManagerClient.Create(fixture.Api.BaseAddress!, AppHostFixture.ProvisionedKey, new HttpClient());

        var keys = await client.ListKeysAsync(AppHostFixture.ProvisionedService).ToListAsync();
        var elsewhere = await Assert.ThrowsAsync<JobManagerApiException>(() =>
            client.ListKeysAsync(ApiClient.UniqueService()).ToListAsync().AsTask());
        var admin = await Assert.ThrowsAsync<JobManagerApiException>(() => client.CreateKeyAsync(AppHostFixture.ProvisionedService));

        Assert.Contains(keys, k => k.KeyId == "0123456789abcdef");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
    }
}
