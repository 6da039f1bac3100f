using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace JobManager.Api.Authentication;

/// <summary>
/// The configured admin keys, held as SHA-256 hashes. A presented key is hashed and compared with
/// every one of them in constant time, so neither the comparison nor its position leaks timing.
/// </summary>
internal sealed class AdminKeys(IOptions<AdminKeyOptions> options)
{
    private readonly byte[][] _hashes = [.. options.Value.AdminKeys.Select(key => Hash(key.Trim()))];

    /// <summary>The admin key id (<c>admin-{n}</c>) the presented key matches, or null.</summary>
    public string? Find(string presented)
    {
        var hash = Hash(presented);
        var found = -1;
        for (var i = 0; i < _hashes.Length; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, _hashes[i]))
            {
                found = i;
            }
        }
        return found < 0 ? null : $"admin-{found}";
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
