using System.Net;
using JobManager.Tests.Infrastructure;
using Xunit.Abstractions;

namespace JobManager.Tests.EndToEnd;

[Collection(AppHostCollection.Name)]
public sealed class HealthTests(AppHostFixture app, ITestOutputHelper output)
{
    [Theory]
    [InlineData("/health")] // ready: every check passes, Redis included
    [InlineData("/alive")]  // live: the process answers
    public async Task HealthEndpoint_Returns200_WhenTheAppHostRunsTheApiOverRedis(string path)
    {
        output.WriteLine($"The app host had the Api healthy {app.StartDuration.TotalSeconds:F1} s after starting.");

        using var response = await app.Api.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
