using JobManager.Core.Access;
using StackExchange.Redis;

namespace JobManager.Core.Storage;

/// <summary>
/// Service API keys in Redis: a hash per key (by key id) and an index per service. Nothing is cached,
/// so a revoked key stops working on the next request, on every Api.
/// </summary>
public sealed class ServiceKeyStore(IConnectionMultiplexer redis, TimeProvider clock)
{
    private IDatabase Db => redis.GetDatabase();

    /// <summary>Creates a key for the service; null when it already has <paramref name="maxKeys"/> keys.</summary>
    public async Task<CreatedServiceKey?> CreateAsync(string service, int maxKeys)
    {
        var now = clock.GetUtcNow();
        var createdMs = now.ToUnixTimeMilliseconds();
        var createdAt = DateTimeOffset.FromUnixTimeMilliseconds(createdMs);
        while (true)
        {
            var (keyId, key) = ServiceKey.Generate();
            var result = (string?)await Db.ScriptEvaluateAsync(
                LuaScripts.CreateServiceKey,
                [RedisKeys.ServiceKey(keyId), RedisKeys.ServiceKeyIndex(service)],
                [service, Convert.ToHexStringLower(ServiceKey.Hash(key)), RedisTime.Format(createdAt), createdMs, maxKeys, keyId]);
            switch (result)
            {
                case "ok": return new CreatedServiceKey(keyId, key, createdAt);
                case "limit": return null;
                default: continue; // a 64-bit id collided: draw another
            }
        }
    }

    /// <summary>
    /// Stores a key that was made elsewhere (configuration: <c>JobManager:ProvisionedKeys</c>) under the service,
    /// once: provisioning it again changes nothing. Not bound by the per-service key limit, which guards what
    /// callers create over the Api. False when its id is taken by another key or service.
    /// </summary>
    public async Task<bool> ProvisionAsync(string service, string key)
    {
        if (!ServiceKey.TryGetKeyId(key, out var keyId))
        {
            throw new ArgumentException("Not a service key (jm_<16 hex digits>_<43 base64url characters>).", nameof(key));
        }
        var hash = ServiceKey.Hash(key);
        if (await FindAsync(keyId) is { } stored)
        {
            return stored.Service == service && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(stored.Hash, hash);
        }
        var createdAt = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        var result = (string?)await Db.ScriptEvaluateAsync(
            LuaScripts.CreateServiceKey,
            [RedisKeys.ServiceKey(keyId), RedisKeys.ServiceKeyIndex(service)],
            [service, Convert.ToHexStringLower(hash), RedisTime.Format(createdAt), createdAt.ToUnixTimeMilliseconds(),
                int.MaxValue, keyId]);
        return result == "ok" || await ProvisionAsync(service, key); // 'taken': another Api provisioned it meanwhile
    }

    /// <summary>The stored key with this id, or null when there is none (never issued, or revoked).</summary>
    public async Task<StoredServiceKey?> FindAsync(string keyId)
    {
        var hash = new RedisHash(await Db.HashGetAllAsync(RedisKeys.ServiceKey(keyId)));
        return hash.Exists
            ? new StoredServiceKey(
                keyId,
                hash.Required("service"),
                Convert.FromHexString(hash.Required("sha256")),
                RedisTime.Parse(hash.Required("created_at")))
            : null;
    }

    /// <summary>A service's keys, oldest first.</summary>
    public async Task<IReadOnlyList<KeyListing>> ListAsync(string service)
    {
        var entries = await Db.SortedSetRangeByRankWithScoresAsync(RedisKeys.ServiceKeyIndex(service));
        return [.. entries.Select(e => new KeyListing((string)e.Element!, DateTimeOffset.FromUnixTimeMilliseconds((long)e.Score)))];
    }

    /// <summary>Revokes a key of the service at once; false when the service has no such key.</summary>
    public async Task<bool> RevokeAsync(string service, string keyId) =>
        (int)await Db.ScriptEvaluateAsync(
            LuaScripts.RevokeServiceKey,
            [RedisKeys.ServiceKey(keyId), RedisKeys.ServiceKeyIndex(service)],
            [service, keyId]) == 1;
}
