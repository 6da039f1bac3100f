using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JobManager.Core.Signing;

namespace JobManager.Core.Webhooks;

/// <summary>
/// Standard Webhooks signatures (standardwebhooks.com): <c>v1,</c> + base64 HMAC-SHA256 over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>, one per active secret, separated by spaces.
/// </summary>
public static class WebhookSigner
{
    public static string Sign(string webhookId, long timestampSeconds, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets)
    {
        var prefix = Encoding.UTF8.GetBytes($"{webhookId}.{timestampSeconds.ToString(CultureInfo.InvariantCulture)}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return string.Join(' ', secrets.Select(secret =>
            "v1," + Convert.ToBase64String(HMACSHA256.HashData(SigningSecret.KeyOf(secret), content))));
    }
}
