using System.Text;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

/// <summary>
/// Webhook signatures checked as a receiver checks them (Standard Webhooks, with the tests' own HMAC
/// code in <see cref="StandardWebhooksVerifier"/>), across a secret's creation and rotation.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class SignedWebhookTests(AppHostFixture fixture)
{
    private readonly ApiClient _api = fixture.Client;
    private readonly WebhookReceiver _receiver = fixture.Receiver;

    private async Task<(string Service, string Path)> JobAsync()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/signed";
        await _api.PutJobOkAsync(service, "signed",
            new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 hour)", enabled = false });
        return (service, path);
    }

    private async Task<ReceivedWebhook> RunAsync(string service, string path)
    {
        var executionId = await _api.RunNowAsync(service, "signed");
        return await Wait.UntilAsync(() => Task.FromResult(_receiver.Received(path).FirstOrDefault(w => w.ExecutionId == executionId)),
            TimeSpan.FromSeconds(30), $"the webhook of {executionId}");
    }

    [Fact]
    public async Task Webhook_CarriesStandardWebhooksHeaders_VerifiedByAnIndependentImplementation()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/signed";
        // Rotating before the first job creates the service's first secret: nothing to roll over from.
        var rotated = await _api.RotateSigningSecretAsync(service);
        var secret = rotated["secret"]!.GetValue<string>();
        await _api.PutJobOkAsync(service, "signed",
            new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 hour)", enabled = false });

        var webhook = await RunAsync(service, path);

        Assert.Null(rotated["previous_valid_until"]);
        Assert.Matches("^whsec_[A-Za-z0-9+/]+={0,2}$", secret);
        Assert.True(Convert.FromBase64String(secret["whsec_".Length..]).Length >= 24);
        Assert.Equal(webhook.ExecutionId, webhook.Headers["webhook-id"]);
        var timestamp = long.Parse(webhook.Headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(timestamp, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(),
            DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        Assert.Matches(@"^v1,[A-Za-z0-9+/]{43}=$", webhook.Headers["webhook-signature"]);
        Assert.True(StandardWebhooksVerifier.Verify(secret, webhook));
    }

    [Fact]
    public async Task TamperedWebhook_FailsVerification()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/signed";
        var secret = (await _api.RotateSigningSecretAsync(service))["secret"]!.GetValue<string>();
        await _api.PutJobOkAsync(service, "signed",
            new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 hour)", enabled = false });
        var webhook = await RunAsync(service, path);
        var tamperedBody = Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(webhook.RawBody)
            .Replace("\"job_name\":\"signed\"", "\"job_name\":\"other\"", StringComparison.Ordinal));
        var now = DateTimeOffset.UtcNow;
        var headers = webhook.Headers;

        Assert.True(StandardWebhooksVerifier.Verify(secret, webhook));
        Assert.NotEqual(webhook.RawBody, tamperedBody);
        Assert.False(StandardWebhooksVerifier.Verify(secret, webhook, tamperedBody));
        Assert.False(
            StandardWebhooksVerifier.Verify(secret, headers["webhook-id"],
                (long.Parse(headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(
                    System.Globalization.CultureInfo.InvariantCulture),
                webhook.RawBody, headers["webhook-signature"], now));
        Assert.False(
            StandardWebhooksVerifier.Verify(secret, "another-id", headers["webhook-timestamp"], webhook.RawBody,
                headers["webhook-signature"], now));
        Assert.False(StandardWebhooksVerifier.Verify("whsec_" + Convert.ToBase64String(new byte[32]), webhook));
        // A valid signature replayed long after: outside the receiver's 5-minute tolerance.
        Assert.False(
            StandardWebhooksVerifier.Verify(secret, headers["webhook-id"], headers["webhook-timestamp"], webhook.RawBody,
                headers["webhook-signature"], now.AddMinutes(6)));
    }

    [Fact]
    public async Task Rotation_SignsWithBothSecrets_DuringTheWindow()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/signed";
        var first = (await _api.RotateSigningSecretAsync(service))["secret"]!.GetValue<string>();
        await _api.PutJobOkAsync(service, "signed",
            new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 hour)", enabled = false });
        Assert.True(StandardWebhooksVerifier.Verify(first, await RunAsync(service, path)));

        var rotated = await _api.RotateSigningSecretAsync(service);
        var second = rotated["secret"]!.GetValue<string>();
        // Dispatchers pick the new secret up within seconds; from then on webhooks carry both.
        var webhook = await ManualRuns.RunUntilAsync(_api, _receiver, service, "signed", path,
            w => StandardWebhooksVerifier.Signatures(w).Length == 2, TimeSpan.FromSeconds(45));

        var previousValidUntil = DateTimeOffset.Parse(rotated["previous_valid_until"]!.GetValue<string>(),
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(previousValidUntil, DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(24).AddMinutes(1));
        Assert.NotEqual(first, second);
        var signatures = StandardWebhooksVerifier.Signatures(webhook);
        Assert.True(
            StandardWebhooksVerifier.Verify(second, webhook.Headers["webhook-id"], webhook.Headers["webhook-timestamp"], webhook.RawBody,
                signatures[0], DateTimeOffset.UtcNow));
        Assert.True(
            StandardWebhooksVerifier.Verify(first, webhook.Headers["webhook-id"], webhook.Headers["webhook-timestamp"], webhook.RawBody,
                signatures[1], DateTimeOffset.UtcNow));
        // A receiver that knows either secret accepts the webhook, and a tampered body fails both.
        Assert.True(StandardWebhooksVerifier.Verify(first, webhook));
        Assert.True(StandardWebhooksVerifier.Verify(second, webhook));
        var tampered = webhook.RawBody.ToArray();
        tampered[^2] ^= 1;
        Assert.False(StandardWebhooksVerifier.Verify(first, webhook, tampered));
        Assert.False(StandardWebhooksVerifier.Verify(second, webhook, tampered));
    }

    [Fact]
    public async Task FirstJob_GivesTheServiceASecret_SoNoWebhookIsUnsigned()
    {
        var (service, path) = await JobAsync();

        var webhook = await RunAsync(service, path);
        var rotated = await _api.RotateSigningSecretAsync(service);

        Assert.Matches(@"^v1,\S+$", webhook.Headers["webhook-signature"]);
        // The secret made at the first PUT is the one being rolled over from.
        Assert.NotNull(rotated["previous_valid_until"]);
    }
}
