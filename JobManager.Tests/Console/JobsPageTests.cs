using JobManager.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JobManager.Tests.OperatorConsole;

[Collection(AppHostCollection.Name)]
public sealed class JobsPageTests(AppHostFixture fixture)
{
    [ChromiumFact]
    public async Task ServiceKey_SeesOnlyItsOwnServicesJobs()
    {
        var mine = await ConsoleScenario.CreateAsync(fixture, "console-mine", "nightly-report", "invoice-sweep", "sync-ledger");
        var other = await ConsoleScenario.CreateAsync(fixture, "console-other", "not-mine");
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.Api.BaseAddress!);

        await browser.SignInAsync(mine.Key, mine.Service);

        var rows = browser.Page.Locator("table.grid tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        var names = await browser.Page.Locator("td[data-field='job_name']").AllInnerTextsAsync();
        Assert.Equal(["invoice-sweep", "nightly-report", "sync-ledger"], names);
        // A service key's page has no service column: every row is its own service.
        await Expect(browser.Page.Locator("th[data-field='service']")).ToHaveCountAsync(0);
        Assert.DoesNotContain(other.Service, await browser.Page.ContentAsync());
        await Expect(browser.Page.Locator("#who-label")).ToHaveTextAsync($"Service key · {mine.Service}");
        await browser.ScreenshotAsync("jobs");

        // Phone width: rows become cards, nothing is wider than the window.
        await browser.Page.SetViewportSizeAsync(390, 844);
        await Expect(rows).ToHaveCountAsync(3);
        Assert.True(await browser.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await browser.ScreenshotAsync("jobs-phone");
    }

    [ChromiumFact]
    public async Task SignIn_RefusesAServiceKey_ForAnotherService()
    {
        var mine = await ConsoleScenario.CreateAsync(fixture, "console-wrong", "a-job");
        var other = await ConsoleScenario.CreateAsync(fixture, "console-wrong2", "b-job");
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.Api.BaseAddress!);

        await browser.Page.GotoAsync("/console/");
        await browser.Page.GetByLabel("API key").FillAsync(mine.Key);
        await browser.Page.Locator("#service").FillAsync(other.Service);
        // The keyboard alone signs in: Enter submits the form.
        await browser.Page.Keyboard.PressAsync("Enter");

        await Expect(browser.Page.Locator("#login-error")).ToContainTextAsync($"does not belong to service \"{other.Service}\"");
    }
}
