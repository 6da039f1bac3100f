using System.Globalization;
using JobManager.Core.Dispatch;
using JobManager.Core.Jobs;
using JobManager.Core.Schedules;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>
/// The queued instants of cron jobs: claim_due.lua takes one per claim and asks for more below the
/// threshold; refill_queue.lua lands a refill once, and never for a job that changed since.
/// </summary>
[Collection(RedisCollection.Name)]
public class CronQueueTests(RedisServerFixture redis)
{
    private const string EveryMinute = "cron(* * * * ? *)";
    private const int Threshold = JobDefaults.QueuedOccurrences / 2;

    [Fact]
    public async Task Claim_TakesOneQueuedInstantPerClaim_AndAsksForARefillBelowTheThreshold()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("cronq");
        await stores.UpsertAsync(job, TestJobs.Definition(EveryMinute));
        var gen = await stores.JobFieldAsync(job, "gen");
        var tail = await stores.JobFieldAsync(job, "tail_ms");
        var queue = await QueueAsync(stores, job);
        Assert.Equal(JobDefaults.QueuedOccurrences, queue.Count);

        for (var claim = 1; claim <= JobDefaults.QueuedOccurrences - Threshold + 1; claim++)
        {
            var (delivery, result) = await stores.ClaimAtAsync(job, await stores.NowMsAsync() - 1_000);

            Assert.NotNull(delivery);
            var after = await QueueAsync(stores, job);
            Assert.Equal(queue.Skip(1), after);
            Assert.Equal(queue[0], (await stores.Jobs.GetAsync(job))!.NextScheduledMs);
            Assert.Equal(queue[0], await stores.DueScoreAsync(job));
            var refill = result.Refills.SingleOrDefault(r => r.Job == job);
            if (after.Count < Threshold)
            {
                Assert.NotNull(refill);
                Assert.Equal(gen, refill.Gen);
                Assert.Equal(tail, refill.TailMs?.ToString(CultureInfo.InvariantCulture));
                Assert.Equal(stores.Keys.ShardOf(job), refill.Shard);
            }
            else
            {
                Assert.Null(refill);
            }
            queue = after;
        }
        Assert.Equal(Threshold - 1, queue.Count);
    }

    [Fact]
    public async Task Refill_AppendsTheInstantsOnce_UpToAFullQueue_WhenTwoRefillsRace()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("refill");
        await stores.UpsertAsync(job, TestJobs.Definition(EveryMinute));
        var request = await ClaimUntilRefillAsync(stores, job);
        var before = await QueueAsync(stores, job);
        var instants = ScheduleQueue.Refill(TestJobs.Schedule(EveryMinute), job, request.TailMs!.Value,
            await stores.NowMsAsync() - 70_000, JobDefaults.QueuedOccurrences);

        var applied = await Task.WhenAll(
            Task.Run(() => stores.Refills.RefillAsync(request, instants)),
            Task.Run(() => stores.Refills.RefillAsync(request, instants)));

        Assert.Single(applied, a => a);
        var after = await QueueAsync(stores, job);
        // The queue is full again; the instants past it are computed anew by the next refill.
        var landed = instants.InstantsMs.Take(JobDefaults.QueuedOccurrences - before.Count).ToList();
        Assert.Equal(before.Concat(landed), after);
        Assert.Equal(JobDefaults.QueuedOccurrences, after.Count);
        Assert.Equal(after.Order().Distinct(), after);
        Assert.Equal(landed[^1].ToString(CultureInfo.InvariantCulture), await stores.JobFieldAsync(job, "tail_ms"));
        Assert.Equal("0", await stores.JobFieldAsync(job, "queue_end"));
        Assert.Equal(request.TailMs + 60_000, instants.InstantsMs[0]);
    }

    [Fact]
    public async Task Claims_FireEveryInstantInOrder_AcrossSeveralRefills()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("span");
        var shard = stores.Keys.ShardOf(job);
        var schedule = TestJobs.Schedule(EveryMinute);
        var saved = await stores.UpsertAsync(job, TestJobs.Definition(EveryMinute));
        var fired = new List<long>();
        var refills = 0;

        while (fired.Count < 3 * JobDefaults.QueuedOccurrences)
        {
            // Due now, whatever instant the job holds next: the claim takes that instant, early, as a
            // reservation to arm at the instant (fire-ahead), never as missed.
            await stores.Db.SortedSetAddAsync(stores.Keys.Due(shard), job.WheelMember, await stores.NowMsAsync() - 1_000);
            var result = await stores.ClaimShardAsync(shard);
            fired.Add(Assert.Single(result.Deliveries.Where(d => d.Job == job).Select(d => d.ScheduledMs)
                .Concat(result.Reservations.Where(r => r.Job == job).Select(r => r.ScheduledMs))));
            if (result.Refills.SingleOrDefault(r => r.Job == job) is { } request)
            {
                var instants = ScheduleQueue.Refill(schedule, job, request.TailMs!.Value, await stores.NowMsAsync() - 70_000,
                    JobDefaults.QueuedOccurrences);
                Assert.True(await stores.Refills.RefillAsync(request, instants));
                refills++;
            }
        }

        var first = DateTimeOffset.FromUnixTimeMilliseconds(saved.NextScheduledMs!.Value - 1);
        Assert.Equal(ScheduleQueue.Upcoming(schedule, job, first, fired.Count).InstantsMs, fired);
        Assert.True(refills >= 3, $"only {refills} refills");
    }

    [NeedsRedisServer]
    [Theory]
    [InlineData("cron(* * * * ? *)")]
    [InlineData("cron(30 14 * * ? *)")]
    [InlineData("cron(0 0 1 1 ? *)")]
    [InlineData("cron(0 0 29 2 ? *)")]
    public async Task CronJobHash_StaysAListpack_WithAFullQueue_BeforeAndAfterARefill(string cron)
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("listpack");
        await stores.UpsertAsync(job, TestJobs.Definition(cron));
        Assert.Equal("listpack", await stores.EncodingAsync(stores.Keys.Job(job)));

        var request = await ClaimUntilRefillAsync(stores, job);
        var instants = ScheduleQueue.Refill(TestJobs.Schedule(cron), job, request.TailMs!.Value,
            await stores.NowMsAsync() - 70_000, JobDefaults.QueuedOccurrences);
        Assert.True(await stores.Refills.RefillAsync(request, instants));

        Assert.Equal(JobDefaults.QueuedOccurrences, (await QueueAsync(stores, job)).Count);
        Assert.True((await stores.JobFieldAsync(job, "queue"))!.Length <= 64);
        Assert.Equal("listpack", await stores.EncodingAsync(stores.Keys.Job(job)));
    }

    [Fact]
    public async Task Refill_IsRefused_WhenTheJobWasSavedSinceTheClaimThatAsked()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("stalegen");
        await stores.UpsertAsync(job, TestJobs.Definition(EveryMinute));
        var request = await ClaimUntilRefillAsync(stores, job);
        await stores.UpsertAsync(job, TestJobs.Definition(EveryMinute, ttlSeconds: 42));
        var before = await QueueAsync(stores, job);
        var instants = ScheduleQueue.Refill(TestJobs.Schedule(EveryMinute), job, request.TailMs!.Value,
            await stores.NowMsAsync() - 70_000, JobDefaults.QueuedOccurrences);

        Assert.False(await stores.Refills.RefillAsync(request, instants));

        Assert.Equal(before, await QueueAsync(stores, job));
        Assert.Equal(request.TailMs?.ToString(CultureInfo.InvariantCulture), await stores.JobFieldAsync(job, "tail_ms"));
    }

    [Fact]
    public async Task Refill_IsRefused_WhenTheJobWasDisabledSinceTheClaimThatAsked()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("disabled");
        await stores.UpsertAsync(job, TestJobs.Definition(EveryMinute));
        var request = await ClaimUntilRefillAsync(stores, job);
        await stores.UpsertAsync(job, TestJobs.Definition(EveryMinute, enabled: false));
        var instants = ScheduleQueue.Refill(TestJobs.Schedule(EveryMinute), job, request.TailMs!.Value,
            await stores.NowMsAsync() - 70_000, JobDefaults.QueuedOccurrences);

        Assert.False(await stores.Refills.RefillAsync(request, instants));

        Assert.Null(await stores.DueScoreAsync(job));
    }

    [Fact]
    public async Task Claim_HoldsAJobWhoseQueueRanDry_AndTheRefillPutsItBackOnTheWheel()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("dry");
        await stores.UpsertAsync(job, TestJobs.Definition(EveryMinute));
        // Every queued instant spent before a refill landed: nothing left to fire.
        await stores.Db.HashSetAsync(stores.Keys.Job(job), [new("next_ms", ""), new("queue", "")]);
        var nowMs = await stores.NowMsAsync();
        await stores.Db.SortedSetAddAsync(stores.Keys.Due(stores.Keys.ShardOf(job)), job.WheelMember, nowMs - 1_000);

        var result = await stores.ClaimShardAsync(stores.Keys.ShardOf(job));

        Assert.DoesNotContain(result.Deliveries, d => d.Job == job);
        var request = Assert.Single(result.Refills, r => r.Job == job);
        // Leased on the wheel, so no other dispatcher spins on it while the refill is computed.
        Assert.True(await stores.DueScoreAsync(job) > nowMs + StoreSet.LeaseMs / 2);

        var instants = ScheduleQueue.Refill(TestJobs.Schedule(EveryMinute), job, request.TailMs!.Value,
            nowMs - 70_000, JobDefaults.QueuedOccurrences);
        Assert.True(await stores.Refills.RefillAsync(request, instants));

        Assert.Equal(instants.InstantsMs[0], (await stores.Jobs.GetAsync(job))!.NextScheduledMs);
        Assert.Equal(instants.InstantsMs[0], await stores.DueScoreAsync(job));
        Assert.Equal(instants.InstantsMs.Skip(1), await QueueAsync(stores, job));
    }

    /// <summary>Claims the job at a due instant until a claim asks for a refill.</summary>
    private static async Task<RefillRequest> ClaimUntilRefillAsync(StoreSet stores, JobRef job)
    {
        for (var claim = 0; claim < JobDefaults.QueuedOccurrences; claim++)
        {
            var (_, result) = await stores.ClaimAtAsync(job, await stores.NowMsAsync() - 1_000);
            if (result.Refills.SingleOrDefault(r => r.Job == job) is { } request)
            {
                return request;
            }
        }
        throw new Xunit.Sdk.XunitException($"No refill was asked for {job}.");
    }

    private static async Task<List<long>> QueueAsync(StoreSet stores, JobRef job) => [.. await stores.QueuedInstantsAsync(job)];
}
