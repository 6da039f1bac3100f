using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Buffers.Text;

namespace JobManager.Core.Access;

/// <summary>
/// A service API key: <c>jm_{key_id}_{secret}</c>, where <c>key_id</c> is 16 hex digits (public: listed
/// and used to revoke) and <c>secret</c> is 32 random bytes, base64url. The key id lets the Api find
/// the stored SHA-256 with one lookup and compare it in constant time; the key itself is never stored.
/// </summary>
public static class ServiceKey
{
    public const string Prefix = "jm_";
    public const int SecretBytes = 32;
    private const int KeyIdLength = 16;
    private static readonly int SecretLength = Base64Url.GetEncodedLength(SecretBytes);
    private static readonly int KeyLength = Prefix.Length + KeyIdLength + 1 + SecretLength;

    /// <summary>A new key and its id. The key is shown once; store only <see cref="Hash"/>.</summary>
    public static (string KeyId, string Key) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdLength / 2));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (keyId, $"{Prefix}{keyId}_{secret}");
    }

    /// <summary>The key id of a well-formed key; false for anything else (no lookup is made).</summary>
    public static bool TryGetKeyId(string presented, [NotNullWhen(true)] out string? keyId)
    {
        keyId = null;
        if (presented.Length != KeyLength || !presented.StartsWith(Prefix, StringComparison.Ordinal)
            || presented[Prefix.Length + KeyIdLength] != '_')
        {
            return false;
        }
        var id = presented.Substring(Prefix.Length, KeyIdLength);
        if (!IsKeyId(id))
        {
            return false;
        }
        keyId = id;
        return true;
    }

    /// <summary>Whether the text has the shape of a key id (16 lowercase hex digits).</summary>
    public static bool IsKeyId(string? text) =>
        text is { Length: KeyIdLength } && !text.AsSpan().ContainsAnyExcept("0123456789abcdef");

    /// <summary>What is stored and compared: SHA-256 of the whole key.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
