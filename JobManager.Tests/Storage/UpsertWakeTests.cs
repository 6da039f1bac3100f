using System.Collections.Concurrent;
using JobManager.Core.Jobs;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;
using StackExchange.Redis;

namespace JobManager.Tests.Storage;

/// <summary>
/// A PUT wakes sleeping dispatchers (pub/sub <c>jm:wake</c>) only when the job's instant became the first
/// on its shard's wheel. A later instant needs no message: a dispatcher already wakes for the earlier one,
/// then reads the wheel again.
/// </summary>
[Collection(RedisCollection.Name)]
public class UpsertWakeTests(RedisServerFixture redis)
{
    // Shards no other test uses, so this test alone decides what is on the wheel.
    private const int Shards = 4096;

    [Fact]
    public async Task Upsert_WakesDispatchers_OnlyWhenTheJobsInstantIsTheFirstOnItsWheel()
    {
        var stores = redis.CreateStores(Shards);
        var service = TestJobs.Service("wake");
        var names = Enumerable.Range(0, 1_000_000).Select(i => new JobRef(service, $"j{i}"));
        var shard = stores.Keys.ShardOf(names.First(j => stores.Keys.ShardOf(j) >= 64));
        var jobs = names.Where(j => stores.Keys.ShardOf(j) == shard).Take(4).ToList();
        var wakes = new ConcurrentQueue<long>();
        var subscriber = redis.Redis.GetSubscriber();
        Action<RedisChannel, RedisValue> record = (_, message) => wakes.Enqueue((long)message);
        await subscriber.SubscribeAsync(RedisKeys.WakeChannel, record);
        try
        {
            var june = await PutAtAsync(stores, jobs[0], "2099-06-01T00:00:00");
            var july = await PutAtAsync(stores, jobs[1], "2099-07-01T00:00:00");
            var mayDisabled = await PutAtAsync(stores, jobs[2], "2099-05-01T00:00:00", enabled: false);
            var may = await PutAtAsync(stores, jobs[3], "2099-05-01T00:00:00");
            // Re-saving the first job keeps its instant, no longer the first.
            await PutAtAsync(stores, jobs[0], "2099-06-01T00:00:00");

            // Messages arrive in the order they were published: the last one seen, the rest are in.
            await Wait.UntilAsync(() => wakes.Contains(may!.Value), TimeSpan.FromSeconds(10), "the wake for the earliest job");
            Assert.Equal([june!.Value, may!.Value], wakes);
            Assert.Null(mayDisabled);
            Assert.True(july > june);
        }
        finally
        {
            await subscriber.UnsubscribeAsync(RedisKeys.WakeChannel, record);
        }
    }

    private static async Task<long?> PutAtAsync(StoreSet stores, JobRef job, string at, bool enabled = true) =>
        (await stores.Jobs.UpsertAsync(job, TestJobs.Definition($"at({at})", enabled))).Job.NextScheduledMs;
}
