using System.Collections.Concurrent;
using JobManager.Core.Dispatch;
using JobManager.Core.Jobs;
using JobManager.Core.Schedules;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>
/// claim_due on Garnet: the script that decides "exactly one execution per instant" must hold there too.
/// Garnet runs Lua 5.4 (integer and float arithmetic print differently) and only runs scripts atomically
/// with --lua-transaction-mode; measured without it, racing claimers got duplicate claims.
/// </summary>
[Collection(GarnetCollection.Name)]
public sealed class GarnetClaimTests(GarnetServerFixture garnet)
{
    // Many jobs in few shards and long batches: claim scripts overlap on the same due jobs every second.
    private const int Claimers = 8;
    private const int Jobs = 100;
    private const int Shards = 2;
    private const int InstantsEach = 3;

    [Fact]
    public async Task ClaimDue_CreatesExactlyOneExecutionPerInstant_WhenClaimersRace()
    {
        var keys = new RedisKeys(Shards);
        var stores = GarnetServerFixture.CreateStores(garnet.Redis, keys);
        Assert.True(ScheduleExpression.TryParse("rate(1 second)", out var schedule, out _));
        var service = $"race-{Guid.NewGuid():N}";
        var names = Enumerable.Range(0, Jobs).Select(i => new JobRef(service, $"job-{i:000}")).ToList();
        foreach (var job in names)
        {
            await stores.Jobs.UpsertAsync(job, new JobDefinition(Async: true, Enabled: true, Exclusive: false,
                InvocationTarget: "http://127.0.0.1:9/hook", InvocationType: "http", Payload: null, Schedule: schedule,
                TtlSeconds: 60, CatchupWindowSeconds: 60));
        }

        // Each claimer is a dispatcher of its own: its own connection, so Garnet runs their scripts side by side.
        var connections = await Task.WhenAll(Enumerable.Range(0, Claimers).Select(_ => garnet.ConnectAsync()));
        var deliveries = new ConcurrentQueue<Delivery>();
        using var stop = new CancellationTokenSource();
        var claimers = connections.Select(connection => Task.Run(async () =>
        {
            var claimer = GarnetServerFixture.CreateStores(connection, keys);
            while (!stop.IsCancellationRequested)
            {
                foreach (var shard in keys.Shards)
                {
                    var result = await claimer.Claims.ClaimDueAsync(shard, await claimer.Wheel.ServerNowMsAsync(), batch: 50,
                        leaseMs: 45_000, graceMs: 10_000);
                    foreach (var delivery in result.Deliveries.Where(d => d.Job.Service == service))
                    {
                        deliveries.Enqueue(delivery);
                    }
                }
            }
        })).ToList();
        try
        {
            await Wait.UntilAsync(() => names.All(job => deliveries.Count(d => d.Job == job) >= InstantsEach),
                TimeSpan.FromSeconds(60), $"every job to fire {InstantsEach} times");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(claimers);
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }

        foreach (var job in names)
        {
            var instants = deliveries.Where(d => d.Job == job).Select(d => d.ScheduledMs).Order().ToList();
            Assert.Equal(instants.Distinct().Count(), instants.Count);
            // rate(1 second): consecutive instants, none skipped, none missed.
            Assert.Equal(Enumerable.Range(0, instants.Count).Select(i => instants[0] + i * 1000L), instants);
            Assert.All(deliveries.Where(d => d.Job == job), d => Assert.Equal(0, d.MissedRuns));
            // No execution was recorded that did not come out as a delivery.
            Assert.Equal(instants.Count, await garnet.Redis.GetDatabase().SortedSetLengthAsync(keys.JobExecutions(job)));
        }
    }
}
