using JobManager.Core.Configuration;
using JobManager.Core.Dispatch;
using JobManager.Core.Executions;
using JobManager.Core.Jobs;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobManager.Tests.Storage;

/// <summary>
/// A callback racing a claim of the same exclusive job on Garnet, the embedded store, whose transaction
/// mode locks only the keys a script declares: apply_callback.lua declares the job's hash and active set,
/// so its writes there are isolated from claim_due's check and add of the job's active executions.
/// </summary>
[Collection(GarnetCollection.Name)]
public sealed class GarnetCallbackRaceTests(GarnetServerFixture garnet)
{
    private const int Jobs = 30;

    [Fact]
    public async Task RacingCallbacksAndClaims_EndWithOneFinalStatus_AndAnActiveSetThatMatchesTheExecutions()
    {
        var keys = new RedisKeys(2);
        var stores = GarnetServerFixture.CreateStores(garnet.Redis, keys);
        var db = garnet.Redis.GetDatabase();
        var service = TestJobs.Service("garnet-race");
        var names = Enumerable.Range(0, Jobs).Select(i => new JobRef(service, $"job-{i:00}")).ToList();
        var nowMs = await stores.Wheel.ServerNowMsAsync();
        foreach (var job in names)
        {
            await stores.Jobs.UpsertAsync(job, TestJobs.Definition(exclusive: true));
            await SetDueAsync(db, keys, job, nowMs - 2_000);
        }
        var running = new Dictionary<JobRef, Delivery>();
        foreach (var shard in keys.Shards)
        {
            var claim = await stores.Claims.ClaimDueAsync(shard, nowMs, 100, 45_000, 10_000);
            foreach (var delivery in claim.Deliveries.Where(d => d.Job.Service == service))
            {
                Assert.Equal(ExecutionStatus.Running, (await stores.Answers.MarkStartedAsync(delivery, delivery.ClaimedAtMs, 200)).Status);
                running[delivery.Job] = delivery;
            }
        }
        Assert.Equal(Jobs, running.Count);
        // The next instant is due at once: the claims below race the callbacks that end the running ones.
        foreach (var job in names)
        {
            await SetDueAsync(db, keys, job, nowMs - 1_000);
        }

        // Every caller is a process of its own: its own connection, so Garnet runs their scripts side by side.
        var connections = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => garnet.ConnectAsync()));
        try
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var callbacks = names.SelectMany(job => new[] { ExecutionStatus.Success, ExecutionStatus.Failure }.Select((status, i) =>
                Task.Run(async () =>
                {
                    await start.Task;
                    var executions = new ExecutionStore(connections[i], keys, Options.Create(new RetentionOptions()));
                    var report = new CallbackReport(status, null, null, null);
                    return (Job: job, Outcome: await executions.ApplyCallbackAsync(running[job].ExecutionId, report));
                }))).ToList();
            var claims = connections[2..].Select(connection => Task.Run(async () =>
            {
                await start.Task;
                var claimer = GarnetServerFixture.CreateStores(connection, keys);
                var results = new List<ClaimResult>();
                foreach (var shard in keys.Shards)
                {
                    results.Add(await claimer.Claims.ClaimDueAsync(shard, await claimer.Wheel.ServerNowMsAsync(), 100, 45_000, 10_000));
                }
                return results;
            })).ToList();
            start.SetResult();
            var outcomes = await Task.WhenAll(callbacks);
            var claimed = (await Task.WhenAll(claims)).SelectMany(r => r).ToList();

            foreach (var job in names)
            {
                var first = running[job];
                var final = (await db.HashGetAsync(keys.Execution(first.Shard, first.ExecutionId), ExecutionHash.Status)).ToString();
                Assert.Contains(final, new[] { ExecutionStatus.Success, ExecutionStatus.Failure });
                var mine = outcomes.Where(o => o.Job == job).Select(o => o.Outcome).ToList();
                Assert.Equal(final, Assert.IsType<CallbackOutcome.Applied>(Assert.Single(mine, o => o is CallbackOutcome.Applied)).Status);
                var refused = Assert.Single(mine, o => o is CallbackOutcome.AlreadyFinished);
                Assert.Equal(final, Assert.IsType<CallbackOutcome.AlreadyFinished>(refused).Status);

                // The second instant was claimed once: fired, or failed as an exclusive conflict.
                var fired = claimed.SelectMany(r => r.Deliveries).Where(d => d.Job == job).ToList();
                Assert.Equal(1, fired.Count + claimed.SelectMany(r => r.ConflictedJobs).Count(j => j == job));
                // The active set names exactly the job's executions that are pending or running.
                var active = (await db.SetMembersAsync(keys.ActiveExecutions(job))).Select(v => v.ToString()).Order().ToList();
                var unfinished = new List<string>();
                var indexed = await db.SortedSetRangeByRankAsync(keys.JobExecutions(job));
                foreach (var id in indexed.Select(m => RedisKeys.ExecutionIdOf(first.Shard, m!)))
                {
                    var status = (string?)await db.HashGetAsync(keys.Execution(first.Shard, id), ExecutionHash.Status);
                    if (status is ExecutionStatus.Pending or ExecutionStatus.Running)
                    {
                        unfinished.Add(id);
                    }
                }
                Assert.Equal(unfinished.Order(), active);
                Assert.Equal(fired.Select(d => d.ExecutionId), active);
                var lastOk = (string?)await db.HashGetAsync(keys.Job(job), "last_ok_id");
                Assert.Equal(final == ExecutionStatus.Success ? first.ExecutionId : null, lastOk);
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task SuccessCallback_RacingTheDeleteOfItsJob_NeverLeavesTheJobsHashBehind()
    {
        const int jobCount = 200;
        var keys = new RedisKeys(2);
        var stores = GarnetServerFixture.CreateStores(garnet.Redis, keys);
        var db = garnet.Redis.GetDatabase();
        var service = TestJobs.Service("garnet-delete");
        var names = Enumerable.Range(0, jobCount).Select(i => new JobRef(service, $"job-{i:000}")).ToList();
        var nowMs = await stores.Wheel.ServerNowMsAsync();
        foreach (var job in names)
        {
            await stores.Jobs.UpsertAsync(job, TestJobs.Definition());
            await SetDueAsync(db, keys, job, nowMs - 2_000);
        }
        var running = new List<Delivery>();
        foreach (var shard in keys.Shards)
        {
            var claim = await stores.Claims.ClaimDueAsync(shard, nowMs, jobCount, 45_000, 10_000);
            running.AddRange(claim.Deliveries.Where(d => d.Job.Service == service));
        }
        Assert.Equal(jobCount, running.Count);

        var connections = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => garnet.ConnectAsync()));
        try
        {
            var callbacks = new ExecutionStore(connections[0], keys, Options.Create(new RetentionOptions()));
            var deletes = new JobStore(connections[1], keys, TimeProvider.System);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var racing = running.SelectMany(delivery => new Task[]
            {
                Task.Run(async () =>
                {
                    await start.Task;
                    await callbacks.ApplyCallbackAsync(delivery.ExecutionId, new CallbackReport(ExecutionStatus.Success, "s", null, null));
                }),
                Task.Run(async () =>
                {
                    await start.Task;
                    await deletes.DeleteAsync(delivery.Job);
                }),
            }).ToList();
            start.SetResult();
            await Task.WhenAll(racing);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }

        // Whichever came first, the delete stands: a success applied after it must not write a job hash again.
        var left = new List<JobRef>();
        foreach (var job in names)
        {
            if (await db.KeyExistsAsync(keys.Job(job)))
            {
                left.Add(job);
            }
        }
        Assert.Empty(left);
    }

    // Due at instantMs, in the job's hash and on the wheel, as a claim would have left it.
    private static async Task SetDueAsync(IDatabase db, RedisKeys keys, JobRef job, long instantMs)
    {
        await db.HashSetAsync(keys.Job(job), "next_ms", instantMs);
        await db.SortedSetAddAsync(keys.Due(keys.ShardOf(job)), job.WheelMember, instantMs);
    }
}
