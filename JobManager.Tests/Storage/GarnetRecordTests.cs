using JobManager.Core.Dispatch;
using JobManager.Core.Executions;
using JobManager.Core.Jobs;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>
/// batched.lua on Garnet, the embedded development store: Lua 5.4 (table.unpack, not unpack) and
/// Garnet's own error values under pcall must give the same per-entry results as Redis.
/// </summary>
[Collection(GarnetCollection.Name)]
public sealed class GarnetRecordTests(GarnetServerFixture garnet)
{
    [Fact]
    public async Task Record_GivesEachEntryItsOwnResult_IncludingAnEntrysError()
    {
        var keys = new RedisKeys(1);
        var stores = GarnetServerFixture.CreateStores(garnet.Redis, keys);
        var service = TestJobs.Service("garnet");
        var names = Enumerable.Range(0, 3).Select(i => new JobRef(service, $"job-{i}")).ToList();
        var db = garnet.Redis.GetDatabase();
        var dueMs = await stores.Wheel.ServerNowMsAsync() - 2_000;
        foreach (var job in names)
        {
            await stores.Jobs.UpsertAsync(job, TestJobs.Definition());
            // Due two seconds ago, in the job and on the wheel, as StoreSet.SetNextInstantAsync puts it.
            await db.HashSetAsync(keys.Job(job), "next_ms", dueMs);
            await db.SortedSetAddAsync(keys.Due(0), job.WheelMember, dueMs);
        }
        var deliveries = (await stores.Claims.ClaimDueAsync(0, dueMs + 2_000, batch: 100, leaseMs: 45_000, graceMs: 10_000))
            .Deliveries.Where(d => d.Job.Service == service).OrderBy(d => d.Job.Job, StringComparer.Ordinal).ToList();
        Assert.Equal(3, deliveries.Count);
        await db.HashSetAsync(keys.Execution(0, deliveries[1].ExecutionId), ExecutionHash.TtlSeconds, "not a number");

        var recorded = await stores.Answers.RecordAsync(
            [.. deliveries.Select(d =>
                new DeliveryAnswer.Accepted(d, d.ClaimedAtMs, 200, [new DeliveryAttempt(d.ClaimedAtMs, 200, null)]))]);

        Assert.Equal(ExecutionStatus.Running, recorded[0].Outcome?.Status);
        Assert.Null(recorded[1].Outcome);
        Assert.False(string.IsNullOrEmpty(recorded[1].Error));
        Assert.Equal(ExecutionStatus.Running, recorded[2].Outcome?.Status);
        Assert.Equal(ExecutionStatus.Running,
            (string?)await db.HashGetAsync(keys.Execution(0, deliveries[2].ExecutionId), ExecutionHash.Status));
    }
}
