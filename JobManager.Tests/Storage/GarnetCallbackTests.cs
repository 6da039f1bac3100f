using JobManager.Core.Configuration;
using JobManager.Core.Executions;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace JobManager.Tests.Storage;

/// <summary>
/// apply_callback on Garnet, the embedded development store: the job's hash and active set, named from the
/// execution's owner and declared in KEYS, are written by the script as on Redis.
/// </summary>
[Collection(GarnetCollection.Name)]
public sealed class GarnetCallbackTests(GarnetServerFixture garnet)
{
    [Fact]
    public async Task Success_EndsTheExecution_AndBecomesTheJobsLastSuccess()
    {
        var keys = new RedisKeys(4);
        var stores = GarnetServerFixture.CreateStores(garnet.Redis, keys);
        var executions = new ExecutionStore(garnet.Redis, keys, Options.Create(new RetentionOptions()));
        var job = TestJobs.Job("garnet");
        await stores.Jobs.UpsertAsync(job, TestJobs.Definition());
        var db = garnet.Redis.GetDatabase();
        var shard = keys.ShardOf(job);
        // Due two seconds ago, in the job's hash and on the wheel, as a claim would have left it.
        var instant = await stores.Wheel.ServerNowMsAsync() - 2_000;
        await db.HashSetAsync(keys.Job(job), "next_ms", instant);
        await db.SortedSetAddAsync(keys.Due(shard), job.WheelMember, instant);
        var claim = await stores.Claims.ClaimDueAsync(shard, await stores.Wheel.ServerNowMsAsync(), 100, 45_000, 10_000);
        var delivery = Assert.Single(claim.Deliveries, d => d.Job == job);

        var outcome = await executions.ApplyCallbackAsync(delivery.ExecutionId,
            new CallbackReport(ExecutionStatus.Success, "s", null, null));

        Assert.Equal(ExecutionStatus.Success, Assert.IsType<CallbackOutcome.Applied>(outcome).Status);
        Assert.Equal(job, outcome.Subject?.Job);
        Assert.False(await db.SetContainsAsync(keys.ActiveExecutions(job), delivery.ExecutionId));
        Assert.Equal(delivery.ExecutionId, (string?)await db.HashGetAsync(keys.Job(job), "last_ok_id"));
        Assert.Equal("s", (string?)await db.HashGetAsync(keys.Job(job), "last_ok_state"));
    }
}
