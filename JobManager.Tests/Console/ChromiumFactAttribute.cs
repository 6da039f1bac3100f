namespace JobManager.Tests.OperatorConsole;

/// <summary>
/// A test that drives a real Chromium: skipped, with the reason shown, on a machine without one
/// (<see cref="ConsoleBrowser.ExecutablePath"/>). Playwright downloads no browser here; <c>.ci/run</c>
/// installs Debian's <c>chromium</c>.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(ConsoleBrowser.ExecutablePath))
        {
            Skip = $"No Chromium at {ConsoleBrowser.ExecutablePath} (install Debian's chromium, or set {ConsoleBrowser.PathVariable})";
        }
    }
}
