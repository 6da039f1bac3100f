using System.Net;
using Aspire.Hosting.Testing;
using JobManager.Tests.Infrastructure;
using StackExchange.Redis;

namespace JobManager.Tests.EndToEnd;

[Collection(EmbeddedStoreCollection.Name)]
public sealed class EmbeddedStoreTests(EmbeddedStoreFixture app)
{
    [Fact]
    public async Task Api_IsHealthy_WhenRedisIsTheEmbeddedGarnetStore()
    {
        using var response = await app.Api.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EmbeddedStore_RunsLuaScriptsAtomically_UnderConcurrentCallers()
    {
        // Read-modify-write in a script: without Garnet's --lua-transaction-mode, concurrent runs interleave
        // between GET and SET and increments are lost.
        const string increment = "local v = tonumber(redis.call('GET', KEYS[1]) or '0'); redis.call('SET', KEYS[1], v + 1); return v";
        const int callers = 16;
        const int callsEach = 200;
        var key = new RedisKey($"tests:lua-atomic:{Guid.NewGuid():N}");
        var connectionString = await app.App.GetConnectionStringAsync("redis")
            ?? throw new InvalidOperationException("The app host gave no connection string for 'redis'.");
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var db = redis.GetDatabase();

        // A connection per caller, as separate processes have: over one multiplexer every call would queue on
        // one socket, which Garnet serves in order, and the test would pass without transaction mode.
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            // A generous timeout: this proves atomicity, not speed, and CI machines may be busy.
            var options = ConfigurationOptions.Parse(connectionString);
            options.AsyncTimeout = options.SyncTimeout = 60_000;
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
            var callerDb = connection.GetDatabase();
            for (var i = 0; i < callsEach; i++)
            {
                await callerDb.ScriptEvaluateAsync(increment, [key]);
            }
        })));

        Assert.Equal(callers * callsEach, (int)await db.StringGetAsync(key));
        await db.KeyDeleteAsync(key);
    }
}
