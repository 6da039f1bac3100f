using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JobManager.Core.Configuration;
using Microsoft.Extensions.Options;

namespace JobManager.Core.Callbacks;

/// <summary>
/// The token in a webhook's <c>callback_url</c>: <c>{attempt}.{base64url HMAC-SHA256(secret, "{id}:{attempt}")}</c>.
/// Bound to one execution and the delivery attempt that carried it; a token from an earlier attempt
/// stays valid (the service may be answering the first delivery), a later one cannot be forged.
/// </summary>
public sealed class CallbackToken(IOptions<JobManagerOptions> options)
{
    private byte[] Key => Encoding.UTF8.GetBytes(options.Value.CallbackSecret);

    public string Create(string executionId, int attempt)
    {
        var attemptText = attempt.ToString(CultureInfo.InvariantCulture);
        return $"{attemptText}.{Base64Url.EncodeToString(Mac(executionId, attemptText))}";
    }

    /// <summary>
    /// Checks the token in constant time. Returns the attempt it was issued for, or null when it was
    /// not issued by this deployment for this execution.
    /// </summary>
    public int? Verify(string executionId, string? token)
    {
        if (token is null || token.Length > 128)
        {
            return null;
        }
        var dot = token.IndexOf('.');
        if (dot <= 0 || !int.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var attempt))
        {
            return null;
        }
        byte[] presented;
        try
        {
            presented = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }
        var attemptText = token[..dot];
        return CryptographicOperations.FixedTimeEquals(presented, Mac(executionId, attemptText)) ? attempt : null;
    }

    private byte[] Mac(string executionId, string attemptText) =>
        HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes($"{executionId}:{attemptText}"));
}
