using JobManager.Core.Executions;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>create_backfill.lua and reclaim_pending.lua: a backfill is delivered now, an exclusive job's one at a time, in order.</summary>
[Collection(RedisCollection.Name)]
public class BackfillReclaimTests(RedisServerFixture redis)
{
    private const long HourMs = 3_600_000;

    [Fact]
    public async Task Backfill_IsDeliveredAtOnce_InScheduleOrder_WithTheBackfillTrigger()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("backfill");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)", enabled: false));
        var first = await stores.NowMsAsync() / HourMs * HourMs - 3 * HourMs;

        var ids = await new BackfillStore(stores.Db.Multiplexer, stores.Keys).CreateAsync(job, [first, first + HourMs, first + 2 * HourMs]);

        // Their leases expired a millisecond apart, in schedule order: a reclaim or two takes them all.
        var deliveries = new List<Core.Dispatch.Delivery>();
        await Wait.UntilAsync(async () =>
        {
            deliveries.AddRange((await stores.ReclaimShardAsync(stores.Keys.ShardOf(job))).Deliveries.Where(d => d.Job == job));
            return deliveries.Count == 3 ? deliveries : null;
        }, TimeSpan.FromSeconds(5), "the backfill's three deliveries");
        Assert.Equal(ids, deliveries.Select(d => d.ExecutionId));
        Assert.Equal([first, first + HourMs, first + 2 * HourMs], deliveries.Select(d => d.ScheduledMs));
        var execution = await stores.ExecutionAsync(job, ids![0]);
        Assert.Equal(ExecutionTrigger.Backfill, execution.Trigger);
        Assert.Equal(ExecutionStatus.Pending, execution.Status);
        foreach (var delivery in deliveries)
        {
            Assert.True(await stores.IsActiveAsync(delivery), "a delivered backfill is in the job's active set");
        }
    }

    [Fact]
    public async Task ExclusiveJob_GetsItsBackfillOneAtATime()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("backfillx");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)", enabled: false, exclusive: true));
        var first = await stores.NowMsAsync() / HourMs * HourMs - 2 * HourMs;
        var ids = (await new BackfillStore(stores.Db.Multiplexer, stores.Keys).CreateAsync(job, [first, first + HourMs]))!;
        var shard = stores.Keys.ShardOf(job);

        var firstPass = (await stores.ReclaimShardAsync(shard)).Deliveries.Where(d => d.Job == job).ToList();

        var delivered = Assert.Single(firstPass);
        Assert.Equal(ids[0], delivered.ExecutionId);
        // The second waits while the first is in progress, then goes once it is no longer active.
        await stores.ExpireLeaseAsync(shard, ids[1], job);
        Assert.DoesNotContain((await stores.ReclaimShardAsync(shard)).Deliveries, d => d.ExecutionId == ids[1]);
        await stores.Db.SetRemoveAsync(stores.Keys.ActiveExecutions(job), ids[0]);
        await stores.ExpireLeaseAsync(shard, ids[1], job);
        Assert.Contains((await stores.ReclaimShardAsync(shard)).Deliveries, d => d.ExecutionId == ids[1]);
    }
}
