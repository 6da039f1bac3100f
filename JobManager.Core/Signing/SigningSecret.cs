using System.Security.Cryptography;

namespace JobManager.Core.Signing;

/// <summary>
/// A webhook signing secret in the Standard Webhooks form: <c>whsec_</c> followed by the base64 of
/// 32 random bytes. The HMAC key is those bytes (the base64-decoded part after the prefix).
/// </summary>
public static class SigningSecret
{
    public const string Prefix = "whsec_";
    public const int KeyBytes = 32;

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>The HMAC-SHA256 key of a secret.</summary>
    public static byte[] KeyOf(string secret) =>
        secret.StartsWith(Prefix, StringComparison.Ordinal)
            ? Convert.FromBase64String(secret[Prefix.Length..])
            : throw new FormatException($"A signing secret starts with {Prefix}.");
}
