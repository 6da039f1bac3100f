using System.Net;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

/// <summary>
/// The SSRF guard as a user meets it. This app allows loopback (the test receiver listens there), so
/// loopback spellings and host names that resolve to loopback are covered without any allowed network
/// by <see cref="Networking.LiteralTargetTests"/> and <see cref="Networking.WebhookHttpHandlerTests"/>.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class SsrfTests(AppHostFixture fixture)
{
    private readonly ApiClient _api = fixture.Client;

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://2852039166/")]
    [InlineData("http://0251.0376.0251.0376/")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://0x0a.0.0.1/")]
    [InlineData("http://192.168.1.10:8080/hook")]
    [InlineData("http://[fe80::1]/")]
    [InlineData("http://[fd00:ec2::254]/")]
    [InlineData("https://0.0.0.0/")]
    public async Task Put_RefusesBlockedLiteralTargets_With400NamingInvocationTarget(string target)
    {
        var service = ApiClient.UniqueService();

        using var response = await _api.PutJobAsync(service, "ssrf", new { invocation_target = target, schedule = "rate(1 hour)" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ReadProblemAsync(response);
        var message = problem.GetProperty("errors").GetProperty("invocation_target")[0].GetString();
        Assert.StartsWith("must not point at a non-public address", message, StringComparison.Ordinal);
        Assert.Null(await _api.GetJobAsync(service, "ssrf"));
    }

    [Fact]
    public async Task RedirectToLoopback_IsNotFollowed_AndFailsTheExecution()
    {
        var service = ApiClient.UniqueService();
        var outer = $"{service}/public-looking";
        var inner = $"{service}/internal";
        fixture.Receiver.Redirect(outer, fixture.Receiver.UrlFor(inner));
        await _api.PutJobOkAsync(service, "redirected",
            new { invocation_target = fixture.Receiver.UrlFor(outer), schedule = "rate(1 hour)", enabled = false });

        var executionId = await _api.RunNowAsync(service, "redirected");
        var execution = await _api.WaitForExecutionAsync(service, "redirected", executionId,
            e => e["status"]!.GetValue<string>() == "failure", TimeSpan.FromSeconds(30));

        Assert.Equal("invocation_failed", execution["failure_reason"]!.GetValue<string>());
        Assert.Equal(302, execution["http_status"]!.GetValue<int>());
        Assert.Contains("redirect", execution["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(fixture.Receiver.Received(outer));
        Assert.Empty(fixture.Receiver.Received(inner));
    }
}
