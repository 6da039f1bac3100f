using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JobManager.Client.Webhooks;

/// <summary>
/// Standard Webhooks verification (standardwebhooks.com): <c>webhook-signature</c> holds one or more
/// <c>v1,</c> + base64 HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c>, keyed with the
/// base64-decoded part of a <c>whsec_</c> secret; the timestamp must be within the tolerance of now.
/// </summary>
public static class WebhookSignature
{
    private const string SecretPrefix = "whsec_";

    /// <summary>Whether the headers are present, fresh, and any signature matches any of the secrets.</summary>
    public static bool IsValid(
        IReadOnlyList<string> secrets, string? id, string? timestamp, string? signatureHeader, ReadOnlySpan<byte> body,
        DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(signatureHeader)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return false; // missing headers, or too old / too far ahead: a replay
        }
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        var presented = signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Select(s => Encoding.ASCII.GetBytes(s[3..]))
            .ToList();
        foreach (var secret in secrets.Where(IsSecret))
        {
            var expected = Encoding.ASCII.GetBytes(Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), content)));
            // During a rotation the Api sends two signatures, and a receiver may accept two secrets.
            if (presented.Any(signature => CryptographicOperations.FixedTimeEquals(signature, expected)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether <paramref name="secret"/> is <c>whsec_</c> followed by base64.</summary>
    public static bool IsSecret(string secret)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length == SecretPrefix.Length)
        {
            return false;
        }
        Span<byte> buffer = stackalloc byte[secret.Length];
        return Convert.TryFromBase64String(secret[SecretPrefix.Length..], buffer, out _);
    }

    private static byte[] KeyOf(string secret) => Convert.FromBase64String(secret[SecretPrefix.Length..]);
}
