using JobManager.Core.Configuration;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace JobManager.Tests.Storage;

/// <summary>
/// Every PUT makes sure its service has a signing secret. A secret is replaced, never removed, so a
/// process asks Redis once per service; the dispatcher's read still creates one that went missing.
/// </summary>
[Collection(RedisCollection.Name)]
public class SigningSecretEnsureTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Ensure_GivesTheServiceASecret_AskingRedisOnlyTheFirstTime()
    {
        await using var log = await CommandLog.ConnectAsync(redis);
        var store = new SigningSecretStore(log.Connection, Options.Create(new WebhookOptions()));
        var service = TestJobs.Service("secret");
        log.Take();

        await store.EnsureAsync(service);
        var first = log.Take();
        await store.EnsureAsync(service);

        Assert.Equal(["HSETNX"], first);
        Assert.Empty(log.Take());
        Assert.True(await redis.Redis.GetDatabase().HashExistsAsync(RedisKeys.SigningSecrets(service), "current"));
    }

    [Fact]
    public async Task GetOrCreate_RecreatesASecretThatWentMissing_AfterEnsureSawIt()
    {
        var store = new SigningSecretStore(redis.Redis, Options.Create(new WebhookOptions()));
        var service = TestJobs.Service("secret");
        await store.EnsureAsync(service);
        await redis.Redis.GetDatabase().KeyDeleteAsync(RedisKeys.SigningSecrets(service));

        var secrets = await store.GetOrCreateAsync(service);

        Assert.NotEmpty(secrets.Current);
    }
}
