using System.Text.RegularExpressions;
using JobManager.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JobManager.Tests.OperatorConsole;

[Collection(AppHostCollection.Name)]
public sealed class JobPageTests(AppHostFixture fixture)
{
    private static readonly TimeSpan WebhookTimeout = TimeSpan.FromSeconds(30);

    [ChromiumFact]
    public async Task RunNow_ShowsTheExecution_UntilItFinishes()
    {
        var scenario = await ConsoleScenario.CreateAsync(fixture, "console-run", "nightly-report");
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.Api.BaseAddress!);
        await browser.SignInAsync(scenario.Key, scenario.Service);
        var page = browser.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "nightly-report" }).ClickAsync();
        await Expect(page.Locator("ol.instants li")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();

        var webhook = (await fixture.Receiver.WaitForAsync(scenario.HookPath, 1, WebhookTimeout)).Single();
        var recent = page.Locator("table.grid tbody tr").Filter(new() { HasText = webhook.ExecutionId });
        await Expect(recent.Locator("td[data-field='status']")).ToHaveTextAsync("running");
        using var callback = await fixture.Client.CallbackAsync(webhook.CallbackUrl,
            new { status = "success", summary = "42 rows exported", state = "{\"cursor\":42}" });
        Assert.True(callback.IsSuccessStatusCode);
        await Expect(recent.Locator("td[data-field='status']")).ToHaveTextAsync("success");
        await Expect(recent.Locator("td[data-field='trigger']")).ToHaveTextAsync("manual");
        await browser.ScreenshotAsync("job");

        await recent.GetByRole(AriaRole.Link, new() { Name = webhook.ExecutionId }).ClickAsync();
        await Expect(page.Locator("dd[data-field='summary']")).ToHaveTextAsync("42 rows exported");
        await Expect(page.Locator("dd[data-field='state']")).ToContainTextAsync("\"cursor\": 42");
        await Expect(page.Locator("td[data-field='http_status']").First).ToHaveTextAsync("200");
        // The app host tells the Api where its dashboard is; the webhook's dispatch span is the trace.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open in the Aspire dashboard" }))
            .ToHaveAttributeAsync("href", new Regex("^http://[^/]+/traces/detail/[0-9a-f]{32}$"));
        // The callback URL's token is the execution's only credential: no page shows it.
        Assert.DoesNotContain(new Uri(webhook.CallbackUrl).Segments[^1], await page.ContentAsync());
        await browser.ScreenshotAsync("execution");

        await browser.GoAsync($"/services/{scenario.Service}/executions?status=success");
        await Expect(page.Locator("table.grid tbody tr")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("executions");
    }

    [ChromiumFact]
    public async Task Pause_WithAReason_AndResume_ChangeTheJob()
    {
        var scenario = await ConsoleScenario.CreateAsync(fixture, "console-pause", "invoice-sweep");
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.Api.BaseAddress!);
        await browser.SignInAsync(scenario.Key, scenario.Service);
        var page = browser.Page;
        await browser.GoAsync($"/services/{scenario.Service}/jobs/invoice-sweep");

        await page.GetByRole(AriaRole.Button, new() { Name = "Pause…" }).ClickAsync();
        // The reason field is there once the API returns paused_reason on a job.
        var reason = page.Locator("#pause-reason");
        if (await reason.CountAsync() > 0)
        {
            await reason.FillAsync("ledger migration");
        }
        await page.Locator("#confirm-pause").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resume" })).ToBeVisibleAsync();
        var paused = (await fixture.Client.GetJobAsync(scenario.Service, "invoice-sweep"))!;
        Assert.False(paused["enabled"]!.GetValue<bool>());
        Assert.Null(paused["next_scheduled_time"]);
        if (paused.ContainsKey("paused_reason"))
        {
            Assert.Equal("ledger migration", paused["paused_reason"]!.GetValue<string>());
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pause…" })).ToBeVisibleAsync();
        var resumed = (await fixture.Client.GetJobAsync(scenario.Service, "invoice-sweep"))!;
        Assert.True(resumed["enabled"]!.GetValue<bool>());
        Assert.Equal(ConsoleScenario.Schedule, resumed["schedule"]!.GetValue<string>());
    }

    [ChromiumFact]
    public async Task Edit_WithABadSchedule_ShowsTheApisErrorBesideTheField()
    {
        var scenario = await ConsoleScenario.CreateAsync(fixture, "console-edit", "sync-ledger");
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.Api.BaseAddress!);
        await browser.SignInAsync(scenario.Key, scenario.Service);
        var page = browser.Page;
        await browser.GoAsync($"/services/{scenario.Service}/jobs/sync-ledger");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.GetByLabel("Schedule").FillAsync("cron(61 * * * ? *)");
        await page.GetByLabel("TTL (s)").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.Locator("[data-error-for='schedule']")).ToContainTextAsync("61");
        await Expect(page.Locator("[data-error-for='ttl_seconds']")).ToContainTextAsync("between 1 and 86400");
        await Expect(page.GetByLabel("Schedule")).ToHaveAttributeAsync("aria-invalid", "true");
        await browser.ScreenshotAsync("edit");
        Assert.Equal(ConsoleScenario.Schedule,
            (await fixture.Client.GetJobAsync(scenario.Service, "sync-ledger"))!["schedule"]!.GetValue<string>());

        await page.GetByLabel("Schedule").FillAsync("rate(5 minutes)");
        await page.GetByLabel("TTL (s)").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.Locator("dd[data-field='schedule']")).ToHaveTextAsync("rate(5 minutes)");
        var saved = (await fixture.Client.GetJobAsync(scenario.Service, "sync-ledger"))!;
        Assert.Equal(120, saved["ttl_seconds"]!.GetValue<int>());
        Assert.Equal("{\"report\":\"daily\"}", saved["payload"]!.GetValue<string>());
    }

    [ChromiumFact]
    public async Task Delete_AsksFirst_ThenRemovesTheJob()
    {
        var scenario = await ConsoleScenario.CreateAsync(fixture, "console-delete", "year-end");
        await using var browser = await ConsoleBrowser.OpenAsync(fixture.Api.BaseAddress!);
        await browser.SignInAsync(scenario.Key, scenario.Service);
        var page = browser.Page;
        await browser.GoAsync($"/services/{scenario.Service}/jobs/year-end");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete…" }).ClickAsync();
        // Escape cancels, as with any dialog.
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.NotNull(await fixture.Client.GetJobAsync(scenario.Service, "year-end"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete…" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete job" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync($"Jobs · {scenario.Service}");
        Assert.Null(await fixture.Client.GetJobAsync(scenario.Service, "year-end"));
    }
}
