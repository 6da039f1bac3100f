using JobManager.Core.Executions;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary><see cref="ExecutionCleanupStore"/>: finished executions scheduled before an instant go; unfinished ones stay.</summary>
[Collection(RedisCollection.Name)]
public class ExecutionCleanupTests(RedisServerFixture redis)
{
    [Fact]
    public async Task DeletesFinishedExecutionsBeforeTheInstant_OfTheJobAndOfItsDeletedSiblings()
    {
        var stores = redis.CreateStores();
        var cleanup = new ExecutionCleanupStore(redis.Redis, stores.Keys);
        var job = TestJobs.Job("cleanup");
        var sibling = job with { Job = job.Job + "-sibling" };
        await stores.UpsertAsync(job, TestJobs.Definition());
        await stores.UpsertAsync(sibling, TestJobs.Definition());
        var now = await stores.NowMsAsync();
        var finished = await stores.DeliveryAtAsync(job, now - 9_000);
        await stores.Answers.MarkFailedAsync(finished, null, "ConnectionError: Connection refused", null);
        var running = await stores.DeliveryAtAsync(job, now - 7_000);
        await stores.Answers.MarkStartedAsync(running, running.ClaimedAtMs, 200);
        var siblings = await stores.DeliveryAtAsync(sibling, now - 5_000);
        await stores.Answers.MarkFailedAsync(siblings, null, "ConnectionError: Connection refused", null);
        await stores.Jobs.DeleteAsync(sibling);

        Assert.Equal(1, await cleanup.DeleteJobExecutionsAsync(job, now));
        Assert.Equal(1, await cleanup.DeleteServiceExecutionsAsync(job.Service, now));

        Assert.False(await stores.Db.KeyExistsAsync(stores.Keys.Execution(finished.Shard, finished.ExecutionId)));
        Assert.Equal(ExecutionStatus.Running, (await stores.ExecutionAsync(job, running.ExecutionId)).Status);
        Assert.Null(await cleanup.DeleteJobExecutionsAsync(sibling, now));
    }
}
