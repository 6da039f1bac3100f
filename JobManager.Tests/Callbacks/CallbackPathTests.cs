using JobManager.Core.Callbacks;

namespace JobManager.Tests.Callbacks;

public sealed class CallbackPathTests
{
    [Fact]
    public void Url_PutsIdAndTokenUnderTheBaseUrl()
    {
        Assert.Equal("https://jobs.example/callback/0001-id/1.tok", CallbackPath.Url("https://jobs.example/", "0001-id", "1.tok"));
    }

    [Theory]
    [InlineData("/callback/000b1f3e-aaaa/1.SECRETMAC", "/callback/000b1f3e-aaaa/REDACTED")]
    [InlineData("/CALLBACK/000b1f3e-aaaa/1.SECRETMAC", "/CALLBACK/000b1f3e-aaaa/REDACTED")] // routing ignores case
    [InlineData("/callback/000b1f3e-aaaa/1.SECRETMAC/extra", "/callback/000b1f3e-aaaa/REDACTED")]
    [InlineData("/callback/000b1f3e-aaaa", "/callback/000b1f3e-aaaa")] // no token to hide
    [InlineData("/services/a/jobs/b", "/services/a/jobs/b")]
    [InlineData("/callbacks/x/y", "/callbacks/x/y")]
    public void Redact_HidesEverythingAfterTheExecutionId(string path, string expected)
    {
        Assert.Equal(expected, CallbackPath.Redact(path));
        Assert.DoesNotContain("SECRETMAC", CallbackPath.Redact(path), StringComparison.Ordinal);
    }
}
