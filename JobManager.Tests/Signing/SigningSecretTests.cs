using JobManager.Core.Signing;

namespace JobManager.Tests.Signing;

public sealed class SigningSecretTests
{
    [Fact]
    public void Generate_IsWhsecAndBase64OfAtLeast24Bytes()
    {
        var secret = SigningSecret.Generate();

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.True(Convert.FromBase64String(secret["whsec_".Length..]).Length >= 24);
        Assert.Equal(Convert.FromBase64String(secret["whsec_".Length..]), SigningSecret.KeyOf(secret));
    }

    [Fact]
    public void ActiveAt_SignsWithBoth_OnlyUntilThePreviousExpires()
    {
        var secrets = new SigningSecrets("whsec_new", "whsec_old", PreviousUntilMs: 1_000);

        Assert.Equal(["whsec_new", "whsec_old"], secrets.ActiveAt(999));
        Assert.Equal(["whsec_new"], secrets.ActiveAt(1_000));
        Assert.Equal(["whsec_new"], new SigningSecrets("whsec_new", null, null).ActiveAt(0));
    }
}
