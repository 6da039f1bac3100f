using JobManager.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JobManager.Tests.OperatorConsole;

/// <summary>The job page's "Send test event" (issue 19): the test's answer is shown, and nothing joins the history.</summary>
[Collection(AppHostCollection.Name)]
public sealed class JobTestConsoleTests(AppHostFixture fixture)
{
    [ChromiumFact]
    public async Task SendTestEvent_ShowsTheWebhookAnswerAndTheCallback()
    {
        var scenario = await ConsoleScenario.CreateAsync(fixture, "console-test", "probe");
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.Api.BaseAddress!);
        await browser.SignInAsync(scenario.Key, scenario.Service);
        var page = browser.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "probe" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test event" }).ClickAsync();
        var webhook = (await fixture.Receiver.WaitForAsync(scenario.HookPath, 1, TimeSpan.FromSeconds(30))).Single();
        Assert.True(webhook.Body.GetProperty("test").GetBoolean());
        using (await fixture.Client.CallbackAsync(webhook.CallbackUrl, new { status = "success" })) { }

        var result = page.Locator("#test-result");
        await Expect(result.Locator("dd[data-field='http_status']")).ToHaveTextAsync("200");
        await Expect(result.Locator("dd[data-field='signature_header_sent']")).ToHaveTextAsync("yes");
        await Expect(result.Locator("dd[data-field='callback']")).ToContainTextAsync("success after");
        Assert.Empty(await fixture.Client.ExecutionsAsync(scenario.Service, "probe"));
    }
}
