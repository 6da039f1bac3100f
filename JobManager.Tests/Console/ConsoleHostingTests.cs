using System.Net;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.OperatorConsole;

/// <summary>How the console is reached: a link in the Aspire dashboard, pages and config without a key.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ConsoleHostingTests(AppHostFixture fixture)
{
    [Fact]
    public async Task ApiResource_ShowsAConsoleLink_InTheDashboard()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var state = await fixture.App.ResourceNotifications.WaitForResourceAsync("api",
            e => e.Snapshot.Urls.Any(u => u.DisplayProperties.DisplayName == "Console"), timeout.Token);

        var link = state.Snapshot.Urls.Single(u => u.DisplayProperties.DisplayName == "Console");
        Assert.Equal(new Uri(fixture.Api.BaseAddress!, "/console/"), new Uri(link.Url));
    }

    [Fact]
    public async Task ConsolePagesAndConfig_NeedNoKey_AndRunOnlyTheirOwnScripts()
    {
        using var anonymous = fixture.CreateApiClient(bearerKey: null);

        using var page = await anonymous.GetAsync("/console/");
        using var script = await anonymous.GetAsync("/console/js/app.js");
        using var config = await anonymous.GetAsync("/console/config.json");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        // The app host passes its dashboard's address; the console links execution traces there.
        var dashboard = (await ApiClient.ReadObjectAsync(config))["dashboard_url"]!.GetValue<string>();
        Assert.True(Uri.TryCreate(dashboard, UriKind.Absolute, out _), dashboard);
    }

    [Fact]
    public async Task ApiReference_IsServed_InDevelopment()
    {
        using var anonymous = fixture.CreateApiClient(bearerKey: null);

        var html = await anonymous.GetStringAsync("/scalar/");

        Assert.Contains("openapi/v1.json", html);
    }
}
