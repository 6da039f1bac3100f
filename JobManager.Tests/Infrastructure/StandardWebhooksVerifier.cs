using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JobManager.Tests.Infrastructure;

/// <summary>
/// A receiver's check of a Standard Webhooks signature, written from the specification
/// (standardwebhooks.com) with nothing but <see cref="HMACSHA256"/>, independent of JobManager's signer.
/// The README shows the same code to users.
/// </summary>
public static class StandardWebhooksVerifier
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>Whether any <c>v1</c> signature in the header is the HMAC of this secret over id, timestamp and body.</summary>
    public static bool Verify(string secret, string id, string timestamp, byte[] body, string signatureHeader, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > Tolerance.TotalSeconds)
        {
            return false;
        }
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signedContent = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        var expected = Encoding.ASCII.GetBytes(Convert.ToBase64String(HMACSHA256.HashData(key, signedContent)));
        return signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(signature => signature.Split(',', 2))
            .Any(parts => parts is ["v1", var value] && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(value), expected));
    }

    /// <summary>Verifies a received webhook with its own headers.</summary>
    public static bool Verify(string secret, ReceivedWebhook webhook, byte[]? body = null) =>
        Verify(secret, webhook.Headers["webhook-id"], webhook.Headers["webhook-timestamp"], body ?? webhook.RawBody,
            webhook.Headers["webhook-signature"], DateTimeOffset.UtcNow);

    /// <summary>The individual signatures of the <c>webhook-signature</c> header, in order.</summary>
    public static string[] Signatures(ReceivedWebhook webhook) =>
        webhook.Headers["webhook-signature"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
