using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using JobManager.Core.Configuration;
using Microsoft.Extensions.Options;

namespace JobManager.Core.Callbacks;

/// <summary>
/// The token in a webhook's <c>callback_url</c>: base64url of HMAC-SHA256(<c>JobManager:CallbackSecret</c>,
/// <c>"callback:{execution_id}"</c>). Bound to one execution and unguessable without the secret. It does
/// not vary between deliveries of the same execution, so a redelivery after a dispatcher died carries
/// a byte-identical body (its timestamp and signature headers are new), and the service may answer
/// whichever delivery reached it.
/// </summary>
public sealed class CallbackToken(IOptions<JobManagerOptions> options)
{
    /// <summary>Length of a token: 32 bytes of MAC in unpadded base64url.</summary>
    public const int Length = 43;

    private byte[] Key => Encoding.UTF8.GetBytes(options.Value.CallbackSecret);

    public string Create(string executionId) => Base64Url.EncodeToString(Mac(executionId));

    /// <summary>Checks the token in constant time; false unless this deployment issued it for this execution.</summary>
    public bool Verify(string executionId, string? token)
    {
        if (token is null || token.Length != Length)
        {
            return false;
        }
        // DecodeFromChars reports bad input; TryDecodeFromChars throws on it, e.g. on 43 alphabet characters
        // whose last one sets bits past the 32 bytes, which no issued token does: a wrong token, not an error.
        Span<byte> presented = stackalloc byte[32];
        var status = Base64Url.DecodeFromChars(token, presented, out _, out var written);
        if (status != OperationStatus.Done || written != presented.Length)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(presented, Mac(executionId));
    }

    private byte[] Mac(string executionId) =>
        HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes($"callback:{executionId}"));
}
