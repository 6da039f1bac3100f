using System.Collections.Concurrent;
using JobManager.Core.Configuration;
using JobManager.Core.Signing;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobManager.Core.Storage;

/// <summary>
/// Each service's webhook signing secrets. A service gets a secret when its first job is saved (or,
/// for jobs older than signing, at its first webhook), so no webhook is ever sent unsigned; the secret
/// is shown only by a rotation, which the service asks for when it starts verifying.
/// </summary>
public sealed class SigningSecretStore(IConnectionMultiplexer redis, IOptions<WebhookOptions> options)
{
    /// <summary>More services than a deployment is expected to have; past it, the set starts over.</summary>
    private const int MaxKnownServices = 100_000;

    // Services this process saw get a secret. A secret is replaced, never removed, so every later PUT of
    // their jobs can skip the write (one Redis command per PUT). Were one lost anyway, the dispatcher
    // creates it before the first webhook (GetOrCreateAsync): nothing is ever sent unsigned.
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Gives the service a secret unless it has one.</summary>
    public async Task EnsureAsync(string service)
    {
        if (_known.ContainsKey(service))
        {
            return;
        }
        await CreateUnlessPresentAsync(service);
        if (_known.Count >= MaxKnownServices)
        {
            _known.Clear();
        }
        _known.TryAdd(service, true);
    }

    /// <summary>The service's secrets, creating the first one if it has none.</summary>
    public async Task<SigningSecrets> GetOrCreateAsync(string service)
    {
        if (await GetAsync(service) is { } secrets)
        {
            return secrets;
        }
        await CreateUnlessPresentAsync(service);
        return await GetAsync(service)
            ?? throw new InvalidOperationException($"The signing secret of {service} vanished right after it was created.");
    }

    /// <summary>
    /// Makes a new secret current and returns it with the time the replaced one stops signing
    /// (null when there was none or the rotation window is 0).
    /// </summary>
    public async Task<(string Secret, DateTimeOffset? PreviousValidUntil)> RotateAsync(string service)
    {
        var secret = SigningSecret.Generate();
        var windowMs = options.Value.SecretRotationHours * 3_600_000L;
        var result = await Db.ScriptEvaluateAsync(LuaScripts.RotateSigningSecret, [RedisKeys.SigningSecrets(service)], [secret, windowMs]);
        return (secret, result.IsNull ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)result));
    }

    private Task CreateUnlessPresentAsync(string service) =>
        Db.HashSetAsync(RedisKeys.SigningSecrets(service), "current", SigningSecret.Generate(), When.NotExists);

    private async Task<SigningSecrets?> GetAsync(string service)
    {
        var hash = new RedisHash(await Db.HashGetAllAsync(RedisKeys.SigningSecrets(service)));
        return hash.String("current") is { } current
            ? new SigningSecrets(current, hash.String("previous"), hash.Long("previous_until_ms"))
            : null;
    }
}
