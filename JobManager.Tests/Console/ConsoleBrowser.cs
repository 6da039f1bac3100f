using Microsoft.Playwright;

namespace JobManager.Tests.OperatorConsole;

/// <summary>
/// Chromium driven by Playwright against the Api's console: the system's chromium (no browser
/// download), headless, at 1280×800. Screenshots go to the test output folder, or to
/// <c>docs/images/console/</c> when <see cref="ScreenshotsVariable"/> is <c>1</c> (how the docs' are made).
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    public const string PathVariable = "JOBMANAGER_CHROMIUM";
    public const string ScreenshotsVariable = "JOBMANAGER_UPDATE_SCREENSHOTS";

    /// <summary>How long a user-visible change may take to show (the pages refresh every 2-5 s).</summary>
    public static readonly float ExpectTimeoutMs = 20_000;

    public static string ExecutablePath => Environment.GetEnvironmentVariable(PathVariable) ?? "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<ConsoleBrowser> OpenAsync(Uri apiBase)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Chromium's sandbox refuses to start as root (CI containers).
            Args = Environment.IsPrivilegedProcess ? ["--no-sandbox"] : [],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            BaseURL = apiBase.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        page.SetDefaultTimeout(ExpectTimeoutMs);
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
        return new ConsoleBrowser(playwright, browser, page);
    }

    /// <summary>Opens the console and signs in with <paramref name="key"/> (and its service, for a service key).</summary>
    public async Task SignInAsync(string key, string? service = null)
    {
        await Page.GotoAsync("/console/");
        await Page.GetByLabel("API key").FillAsync(key);
        if (service is not null)
        {
            await Page.Locator("#service").FillAsync(service);
        }
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Signed in once the API has accepted the key and the header names it.
        await Assertions.Expect(Page.Locator("#who-label")).ToHaveTextAsync(service is null ? "Admin key" : $"Service key · {service}");
    }

    /// <summary>Opens a console route, e.g. <c>/services/s/keys</c>.</summary>
    public Task GoAsync(string route) => Page.GotoAsync($"/console/#{route}");

    public async Task ScreenshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable(ScreenshotsVariable) == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "images", "console")
            : Path.Combine(AppContext.BaseDirectory, "console-screenshots");
        Directory.CreateDirectory(folder);
        // Hover and focus rings are not part of the picture.
        await Page.Mouse.MoveAsync(0, 0);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JobManager.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("JobManager.sln not found above the test output folder.");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
