extern alias dispatcher;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JobManager.Client;
using JobManager.Client.Webhooks;
using Signer = JobManager.Core.Webhooks.WebhookSigner;

namespace JobManager.Tests.Client;

/// <summary>The library's signature check against what the dispatcher signs, with a fixed clock.</summary>
public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_796_000_000);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"job_name\":\"j\"}");

    private static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static bool Verify(IReadOnlyList<string> accepted, string header, long timestamp, byte[]? body = null) =>
        WebhookSignature.IsValid(accepted, "exec-1", timestamp.ToString(CultureInfo.InvariantCulture), header, body ?? Body, Now,
            Tolerance);

    [Fact]
    public void DispatcherSignature_Verifies_WithTheServicesSecret()
    {
        var secret = NewSecret();
        Assert.True(Verify([secret], Signer.Sign("exec-1", Now.ToUnixTimeSeconds(), Body, [secret]), Now.ToUnixTimeSeconds()));
    }

    [Fact]
    public void DuringARotation_EitherSecret_Verifies()
    {
        string previous = NewSecret(), next = NewSecret();
        var header = Signer.Sign("exec-1", Now.ToUnixTimeSeconds(), Body, [next, previous]);
        Assert.True(Verify([previous], header, Now.ToUnixTimeSeconds()));
        Assert.True(Verify([next], header, Now.ToUnixTimeSeconds()));
    }

    [Theory]
    // Five minutes either way is fresh; a second more is a replay (or a clock far off).
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void Timestamp_MustBeWithinTheTolerance(int offsetSeconds, bool valid)
    {
        var secret = NewSecret();
        var timestamp = Now.ToUnixTimeSeconds() + offsetSeconds;
        Assert.Equal(valid, Verify([secret], Signer.Sign("exec-1", timestamp, Body, [secret]), timestamp));
    }

    [Fact]
    public void AnAlteredBody_OrAnotherSecret_DoesNotVerify()
    {
        var secret = NewSecret();
        var header = Signer.Sign("exec-1", Now.ToUnixTimeSeconds(), Body, [secret]);
        Assert.False(Verify([secret], header, Now.ToUnixTimeSeconds(), Encoding.UTF8.GetBytes("{\"job_name\":\"k\"}")));
        Assert.False(Verify([NewSecret()], header, Now.ToUnixTimeSeconds()));
        Assert.False(Verify([secret], "", Now.ToUnixTimeSeconds()));
    }

    [Theory]
    [InlineData("Endpoint=https://jobs.example.com;Key=jm_abc;Service=billing", "https://jobs.example.com/", "jm_abc", "billing")]
    [InlineData("endpoint=http://127.0.0.1:5080;key=jm_x", "http://127.0.0.1:5080/", "jm_x", null)]
    public void ConnectionString_SetsEndpointKeyAndService(string connectionString, string endpoint, string key, string? service)
    {
        var options = new JobManagerClientOptions();
        JobManagerConnectionString.ApplyTo(connectionString, options);
        Assert.Equal((endpoint, key, service), (options.BaseAddress!.AbsoluteUri, options.ApiKey, options.Service));
    }

    [Theory]
    [InlineData("Endpoint=not a url;Key=k")]
    [InlineData("Endpoint=https://x;Key=k;Password=p")]
    public void ConnectionString_WithABadPart_IsRefused(string connectionString) =>
        Assert.Throws<FormatException>(() => JobManagerConnectionString.ApplyTo(connectionString, new JobManagerClientOptions()));
}
