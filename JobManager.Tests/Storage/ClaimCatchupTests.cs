using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>
/// Catch-up in claim_due.lua: a late instant within the grace fires as scheduled; after an outage the
/// instants whose successors are also due are counted, not fired, and the surviving one fires only
/// within the job's catch-up window or the grace, whichever is longer. The count rides on the next
/// execution as <c>missed_runs</c>.
/// </summary>
[Collection(RedisCollection.Name)]
public class ClaimCatchupTests(RedisServerFixture redis)
{
    private const long HourMs = 3_600_000;

    [Fact]
    public async Task Claim_FiresOnceAndCountsTheMissedInstants_WhenARateJobIsFarBehind()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("catchup");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 second)", catchupSeconds: 60));
        var now = await stores.NowMsAsync();
        var fiveMinutesAgo = now - now % 1_000 - 300_000;

        var (delivery, _) = await stores.ClaimAtAsync(job, fiveMinutesAgo);

        Assert.NotNull(delivery);
        // About 300 instants were due; all but the latest are counted, not fired.
        Assert.InRange(delivery.MissedRuns, 290, 310);
        Assert.InRange(delivery.ScheduledMs, now - StoreSet.GraceMs, delivery.ClaimedAtMs);
        Assert.Equal(0, (delivery.ScheduledMs - fiveMinutesAgo) % 1_000);
        Assert.Single(await stores.JobExecutionIdsAsync(job));
        var next = (await stores.Jobs.GetAsync(job))!.NextScheduledMs;
        Assert.True(next > delivery.ClaimedAtMs, $"next {next} should be after the claim at {delivery.ClaimedAtMs}");
        Assert.Equal("0", await stores.JobFieldAsync(job, "missed"));
    }

    [Fact]
    public async Task Claim_FiresALateInstant_WhenItIsWithinTheGrace()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("grace");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 second)", catchupSeconds: 60));
        var now = await stores.NowMsAsync();
        var instant = now - now % 1_000 - 3_000;

        var (delivery, _) = await stores.ClaimAtAsync(job, instant, graceMs: 10_000);

        // A busy moment, not an outage: the instant fires as scheduled and nothing counts as missed.
        Assert.NotNull(delivery);
        Assert.Equal(instant, delivery.ScheduledMs);
        Assert.Equal(0, delivery.MissedRuns);
        Assert.Equal(instant + 1_000, await stores.DueScoreAsync(job));
    }

    [Fact]
    public async Task Claim_FiresAnInstantClaimedWithinTheGrace_EvenWithNoCatchupWindow()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("nocatchup");
        // catchup_window_seconds 0: no catching up after an outage, yet runs on time as usual.
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)", catchupSeconds: 0));
        var instant = await stores.NowMsAsync() - 300;

        var (delivery, _) = await stores.ClaimAtAsync(job, instant);

        Assert.NotNull(delivery);
        Assert.Equal(instant, delivery.ScheduledMs);
        Assert.Equal(0, delivery.MissedRuns);
    }

    [Fact]
    public async Task Claim_FiresNothingAndCountsAMissedRun_WhenAnAtInstantIsOlderThanTheCatchupWindow()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("at");
        var now = await stores.NowMsAsync();
        var inAnHour = DateTimeOffset.FromUnixTimeMilliseconds(now + HourMs);
        await stores.UpsertAsync(job, TestJobs.Definition($"at({inAnHour:yyyy-MM-ddTHH:mm:ss})", catchupSeconds: 60));

        var (delivery, result) = await stores.ClaimAtAsync(job, now - 5 * 60_000);

        Assert.Null(delivery);
        Assert.True(result.Missed >= 1);
        Assert.Empty(await stores.JobExecutionIdsAsync(job));
        Assert.Equal("1", await stores.JobFieldAsync(job, "missed"));
        // An at() job has no instant after its only one.
        Assert.Null(await stores.DueScoreAsync(job));
        Assert.Null((await stores.Jobs.GetAsync(job))!.NextScheduledMs);
    }

    [Fact]
    public async Task Claim_CarriesMissedRunsOnTheNextExecution_AfterAMissedInstant()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("carry");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)", catchupSeconds: 60));
        var now = await stores.NowMsAsync();
        // Ten minutes late for an hourly job: the successor is not due, but the catch-up window is over.
        var (missed, _) = await stores.ClaimAtAsync(job, now - 10 * 60_000);

        var (delivery, _) = await stores.ClaimAtAsync(job, now - 1_000);

        Assert.Null(missed);
        Assert.NotNull(delivery);
        Assert.Equal(1, delivery.MissedRuns);
        Assert.Equal(1, (await stores.ExecutionAsync(job, delivery.ExecutionId)).MissedRuns);
        Assert.Equal("0", await stores.JobFieldAsync(job, "missed"));
    }

    [Fact]
    public async Task Claim_FiresTheLatestDueCronInstantOnly_AndCountsTheOthers_WhenFarBehind()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("croncatchup");
        await stores.UpsertAsync(job, TestJobs.Definition("cron(* * * * ? *)", catchupSeconds: 600));
        var now = await stores.NowMsAsync();
        var minute = now - now % 60_000;
        // Six minutes of instants queued but never claimed (every dispatcher down), then the future.
        var queue = Enumerable.Range(-4, 6).Select(i => minute + i * 60_000L).Concat(await stores.QueuedInstantsAsync(job));
        await stores.SetQueuedInstantsAsync(job, queue);

        var (delivery, _) = await stores.ClaimAtAsync(job, minute - 5 * 60_000);

        // minute - 5 .. minute - 1 each had a due successor; minute is the latest due, minute + 1 is not due.
        Assert.NotNull(delivery);
        Assert.Equal(minute, delivery.ScheduledMs);
        Assert.Equal(5, delivery.MissedRuns);
        Assert.Single(await stores.JobExecutionIdsAsync(job));
        Assert.True((await stores.Jobs.GetAsync(job))!.NextScheduledMs > now);
    }
}
