using JobManager.Core.Signing;
using JobManager.Core.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace JobManager.Dispatcher.Webhooks;

/// <summary>
/// Services' signing secrets as the dispatcher signs with them: read from Redis at most every few
/// seconds per service, so a rotation takes effect within <see cref="Lifetime"/> without a Redis read
/// per webhook.
/// </summary>
public sealed class SigningSecretCache(SigningSecretStore store, IMemoryCache cache)
{
    /// <summary>How long a read is reused: the most a rotation waits before webhooks carry the new signature.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public async Task<SigningSecrets> GetAsync(string service)
    {
        var key = (typeof(SigningSecretCache), service);
        if (cache.TryGetValue(key, out SigningSecrets? secrets) && secrets is not null)
        {
            return secrets;
        }
        secrets = await store.GetOrCreateAsync(service);
        return cache.Set(key, secrets, Lifetime);
    }
}
