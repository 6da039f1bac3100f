using System.Net;
using JobManager.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JobManager.Tests.OperatorConsole;

[Collection(AppHostCollection.Name)]
public sealed class KeysPageTests(AppHostFixture fixture)
{
    [ChromiumFact]
    public async Task Admin_CreatesAKey_ShownOnce_AndRevokesIt()
    {
        var scenario = await ConsoleScenario.CreateAsync(fixture, "console-keys", "nightly-report", "invoice-sweep");
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.Api.BaseAddress!);
        await browser.SignInAsync(AppHostFixture.AdminKey);
        var page = browser.Page;
        await browser.GoAsync($"/jobs?service={scenario.Service}");
        await Expect(page.Locator("table.grid tbody tr")).ToHaveCountAsync(2);
        await browser.ScreenshotAsync("jobs-admin");
        await browser.GoAsync($"/services/{scenario.Service}/keys");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var shown = await page.Locator("#shown-once").InputValueAsync();
        Assert.StartsWith("jm_", shown);
        var keyId = shown.Split('_')[1];
        await Expect(page.Locator("td[data-field='key_id']").Filter(new() { HasText = keyId })).ToHaveCountAsync(1);
        using (var created = fixture.CreateApiClient(shown))
        {
            Assert.Equal(HttpStatusCode.OK, (await created.GetAsync($"/services/{scenario.Service}/jobs")).StatusCode);
        }
        await browser.ScreenshotAsync("keys");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke {keyId}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke key" }).ClickAsync();

        await Expect(page.Locator("td[data-field='key_id']").Filter(new() { HasText = keyId })).ToHaveCountAsync(0);
        await Expect(page.Locator("td[data-field='key_id']").Filter(new() { HasText = scenario.KeyId })).ToHaveCountAsync(1);
        using (var revoked = fixture.CreateApiClient(shown))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync($"/services/{scenario.Service}/jobs")).StatusCode);
        }
        // Shown once: opened again, the page lists key ids only.
        await page.ReloadAsync();
        await Expect(page.Locator("td[data-field='key_id']")).ToHaveCountAsync(1);
        Assert.DoesNotContain(shown, await page.ContentAsync());
    }

    [ChromiumFact]
    public async Task ServiceKey_RotatesTheSigningSecret_ShownOnce()
    {
        var scenario = await ConsoleScenario.CreateAsync(fixture, "console-secret", "nightly-report");
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.Api.BaseAddress!);
        await browser.SignInAsync(scenario.Key, scenario.Service);
        var page = browser.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Keys", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create key" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Rotate signing secret…" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Rotate" }).ClickAsync();

        var secret = await page.Locator("#shown-once").InputValueAsync();
        Assert.StartsWith("whsec_", secret);
        // The listing shows ids, never the key the console is signed in with.
        Assert.DoesNotContain(scenario.Key, await page.ContentAsync());
    }
}
