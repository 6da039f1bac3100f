extern alias api;

using api::JobManager.Api.Validation;
using JobManager.Core.Networking;

namespace JobManager.Tests.Networking;

/// <summary>The reasons <c>invocation_target</c> is refused: each says what is wrong with the value given.</summary>
public class InvocationTargetTests
{
    private static readonly AddressPolicy Policy = new([]);

    [Theory]
    [InlineData("/jobs/run")]
    [InlineData("jobs/run")]
    [InlineData("my-service.example/jobs/run")]
    public void PathOrHostWithoutScheme_IsRefused_AsNotAnAbsoluteUrl(string target)
    {
        var problem = InvocationTarget.Problem(target, Policy);

        Assert.NotNull(problem);
        Assert.StartsWith("must be an absolute URL", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "\"file\"")]
    [InlineData("ftp://x.example/", "\"ftp\"")]
    public void OtherScheme_IsRefused_NamingTheScheme(string target, string scheme)
    {
        var problem = InvocationTarget.Problem(target, Policy);

        Assert.Equal($"must use http or https, got {scheme}", problem);
    }

    [Theory]
    [InlineData("https://my-service.example/jobs/run")]
    [InlineData("http://my-service.example:8080/")]
    public void HttpUrlWithAHostName_IsAccepted(string target) => Assert.Null(InvocationTarget.Problem(target, Policy));
}
