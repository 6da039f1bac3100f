using JobManager.Core.Dispatch;
using JobManager.Core.Executions;
using JobManager.Core.Jobs;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>
/// Fire-ahead: claim_due reserving jobs due within the next moments, and arm_reserved deciding at the
/// instant what claim_due would have decided then.
/// </summary>
[Collection(RedisCollection.Name)]
public class ClaimAheadTests(RedisServerFixture redis)
{
    private const long HourMs = 3_600_000;
    private const long AheadMs = 5_000;

    [Fact]
    public async Task ClaimAhead_ReservesAJobDueSoon_AndAdvancesItWithoutDecidingTheWebhook()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("ahead");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)"));
        var instant = await stores.NowMsAsync() + 3_000;

        var reservation = await ReserveAsync(stores, job, instant);

        Assert.Equal(instant, reservation.ScheduledMs);
        Assert.Equal(1, reservation.Attempt);
        var execution = await stores.ExecutionAsync(job, reservation.ExecutionId);
        Assert.Equal(ExecutionStatus.Pending, execution.Status);
        Assert.Equal(instant, execution.ScheduledTimeMs);
        // Leased from its instant, not from the claim; neither active nor listed until armed.
        Assert.Equal(instant + StoreSet.LeaseMs, await PendingScoreAsync(stores, reservation));
        Assert.Empty(await stores.JobExecutionIdsAsync(job));
        Assert.False(await stores.Db.SetContainsAsync(stores.Keys.ActiveExecutions(job), reservation.ExecutionId));
        Assert.Equal(instant + HourMs, await stores.DueScoreAsync(job));
    }

    [Fact]
    public async Task ClaimAhead_LeavesJobsDueLaterThanTheWindow()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("later");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)"));
        var instant = await stores.NowMsAsync() + 60_000;
        await stores.SetNextInstantAsync(job, instant);

        var result = await ClaimAsync(stores, job);

        Assert.DoesNotContain(result.Reservations, r => r.Job == job);
        Assert.Empty(await stores.JobExecutionIdsAsync(job));
        Assert.Equal(instant, await stores.DueScoreAsync(job));
    }

    [Fact]
    public async Task Arm_FiresWithTheJobAsItIsAtTheInstant_IncludingALastSuccessThatCameMeanwhile()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("armfire");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)", payload: "{\"v\":1}"));
        var now = await stores.NowMsAsync();
        var previous = await stores.DeliveryAtAsync(job, now - 5_000);
        var reservation = await ReserveAsync(stores, job, now + 2_000);
        // Meanwhile: the previous run succeeds and the payload changes (same schedule: same plan).
        await stores.Answers.MarkStartedAsync(previous, previous.ClaimedAtMs, 200);
        await stores.Executions.ApplyCallbackAsync(previous.ExecutionId,
            new CallbackReport(ExecutionStatus.Success, "{\"s\":2}", "done", null));
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)", payload: "{\"v\":2}"));

        var result = await stores.Claims.ArmAsync(reservation.Shard, [reservation]);

        var delivery = Assert.Single(result.Deliveries);
        Assert.Equal(reservation.ExecutionId, delivery.ExecutionId);
        Assert.Equal(reservation.ScheduledMs, delivery.ScheduledMs);
        Assert.Equal("{\"v\":2}", delivery.Payload);
        Assert.Equal(previous.ExecutionId, delivery.LastSuccessfulExecution?.ExecutionId);
        Assert.Equal("{\"s\":2}", delivery.LastSuccessfulExecution?.State);
        Assert.True(delivery.ClaimedAtMs >= now);
        Assert.True(await stores.IsActiveAsync(delivery));
        Assert.Equal([previous.ExecutionId, delivery.ExecutionId], await stores.JobExecutionIdsAsync(job));
    }

    [Fact]
    public async Task Arm_CancelsTheReservation_WhenTheJobWasDisabledMeanwhile()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("armoff");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)"));
        var reservation = await ReserveAsync(stores, job, await stores.NowMsAsync() + 2_000);
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)", enabled: false));

        var result = await stores.Claims.ArmAsync(reservation.Shard, [reservation]);

        Assert.Empty(result.Deliveries);
        Assert.Equal(1, result.Cancelled);
        await AssertRecordsNothingAsync(stores, job, reservation);
    }

    [Fact]
    public async Task Arm_StillFires_WhenTheJobWasDisabledOnlyAfterTheInstant()
    {
        // A late arm (a takeover) must not lose an instant that was due before the job was paused: one
        // claimed on time would have been delivered too.
        var stores = redis.CreateStores();
        var job = TestJobs.Job("armlate");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)"));
        var reservation = await ReserveAsync(stores, job, await stores.NowMsAsync() + 300);
        await Task.Delay(600);
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)", enabled: false));

        var result = await stores.Claims.ArmAsync(reservation.Shard, [reservation]);

        Assert.Equal(reservation.ExecutionId, Assert.Single(result.Deliveries).ExecutionId);
        Assert.Contains(reservation.ExecutionId, await stores.JobExecutionIdsAsync(job));
    }

    [Fact]
    public async Task Arm_CancelsTheReservation_WhenTheScheduleChangedMeanwhile()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("armplan");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)"));
        var reservation = await ReserveAsync(stores, job, await stores.NowMsAsync() + 2_000);
        await stores.UpsertAsync(job, TestJobs.Definition("rate(2 hours)"));

        var result = await stores.Claims.ArmAsync(reservation.Shard, [reservation]);

        Assert.Equal(1, result.Cancelled);
        await AssertRecordsNothingAsync(stores, job, reservation);
    }

    [Fact]
    public async Task Arm_CancelsTheReservation_WhenTheJobWasDisabledAndEnabledAgainMeanwhile()
    {
        // A re-enable plans afresh and may schedule the same instant again: the old claim must not fire too.
        var stores = redis.CreateStores();
        var job = TestJobs.Job("armreon");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)"));
        var reservation = await ReserveAsync(stores, job, await stores.NowMsAsync() + 2_000);
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)", enabled: false));
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)"));

        var result = await stores.Claims.ArmAsync(reservation.Shard, [reservation]);

        Assert.Equal(1, result.Cancelled);
    }

    [Fact]
    public async Task Arm_CancelsTheReservation_WhenTheJobWasDeletedMeanwhile()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("armgone");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)"));
        var reservation = await ReserveAsync(stores, job, await stores.NowMsAsync() + 2_000);
        await stores.Jobs.DeleteAsync(job);

        var result = await stores.Claims.ArmAsync(reservation.Shard, [reservation]);

        Assert.Equal(1, result.Cancelled);
        Assert.Null(await stores.Executions.GetAsync(job, reservation.ExecutionId));
    }

    [Fact]
    public async Task Arm_RecordsAnExclusiveConflict_OnlyIfThePredecessorIsStillRunningAtTheInstant()
    {
        var stores = redis.CreateStores();
        var busy = TestJobs.Job("armbusy");
        var done = TestJobs.Job("armdone");
        foreach (var job in new[] { busy, done })
        {
            await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)", exclusive: true));
        }
        var now = await stores.NowMsAsync();
        var busyPredecessor = await stores.DeliveryAtAsync(busy, now - 5_000);
        var donePredecessor = await stores.DeliveryAtAsync(done, now - 5_000);
        var busyNext = await ReserveAsync(stores, busy, now + 2_000);
        var doneNext = await ReserveAsync(stores, done, now + 2_000);
        // One predecessor finishes between the claim and the instant; the other is still running.
        await stores.Answers.MarkStartedAsync(busyPredecessor, busyPredecessor.ClaimedAtMs, 200);
        await stores.Answers.MarkStartedAsync(donePredecessor, donePredecessor.ClaimedAtMs, 200);
        await stores.Executions.ApplyCallbackAsync(donePredecessor.ExecutionId,
            new CallbackReport(ExecutionStatus.Success, null, null, null));

        var busyResult = await stores.Claims.ArmAsync(busyNext.Shard, [busyNext]);
        var doneResult = await stores.Claims.ArmAsync(doneNext.Shard, [doneNext]);

        Assert.Equal([busy], busyResult.ConflictedJobs);
        var conflicted = await stores.ExecutionAsync(busy, busyNext.ExecutionId);
        Assert.Equal(ExecutionStatus.Failure, conflicted.Status);
        Assert.Equal(FailureReason.ExclusiveConflict, conflicted.FailureReason);
        Assert.Equal(doneNext.ExecutionId, Assert.Single(doneResult.Deliveries).ExecutionId);
    }

    [Fact]
    public async Task Arm_IsRefused_ForAReservationAnotherDispatcherTookOver_WhichThenArmsItItself()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("armtake");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)"));
        var reservation = await ReserveAsync(stores, job, await stores.NowMsAsync() + 2_000);
        await stores.ExpireLeaseAsync(reservation.Shard, reservation.ExecutionId, job);

        var takeover = await stores.ReclaimShardAsync(reservation.Shard);
        var taken = Assert.Single(takeover.Reservations, r => r.ExecutionId == reservation.ExecutionId);
        var stale = await stores.Claims.ArmAsync(reservation.Shard, [reservation]);
        var armed = await stores.Claims.ArmAsync(taken.Shard, [taken]);

        Assert.DoesNotContain(takeover.Deliveries, d => d.ExecutionId == reservation.ExecutionId);
        Assert.Equal(2, taken.Attempt);
        Assert.Empty(stale.Deliveries);
        Assert.Equal(2, Assert.Single(armed.Deliveries).Attempt);
    }

    [Fact]
    public async Task Reclaim_OfAnArmedExecution_RedeliversTheSameWebhookWithoutArmingAgain()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("armredo");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)"));
        var reservation = await ReserveAsync(stores, job, await stores.NowMsAsync() + 1_000);
        var first = Assert.Single((await stores.Claims.ArmAsync(reservation.Shard, [reservation])).Deliveries);
        await stores.ExpireLeaseAsync(first.Shard, first.ExecutionId, job);

        var again = Assert.Single((await stores.ReclaimShardAsync(first.Shard)).Deliveries, d => d.ExecutionId == first.ExecutionId);

        Assert.Equal(first with { Attempt = 2 }, again);
    }

    private static async Task<ClaimResult> ClaimAsync(StoreSet stores, JobRef job) =>
        await stores.Claims.ClaimDueAsync(stores.Keys.ShardOf(job), await stores.NowMsAsync(), StoreSet.Batch, StoreSet.LeaseMs,
            StoreSet.GraceMs, AheadMs);

    private static async Task<Reservation> ReserveAsync(StoreSet stores, JobRef job, long instantMs)
    {
        await stores.SetNextInstantAsync(job, instantMs);
        var result = await ClaimAsync(stores, job);
        Assert.DoesNotContain(result.Deliveries, d => d.Job == job);
        return Assert.Single(result.Reservations, r => r.Job == job);
    }

    private static async Task<double?> PendingScoreAsync(StoreSet stores, Reservation reservation) =>
        await stores.Db.SortedSetScoreAsync(stores.Keys.Pending(reservation.Shard),
            Core.Storage.RedisKeys.WorkMember(reservation.ExecutionId, reservation.Job));

    private static async Task AssertRecordsNothingAsync(StoreSet stores, JobRef job, Reservation reservation)
    {
        Assert.Null(await stores.Executions.GetAsync(job, reservation.ExecutionId));
        Assert.DoesNotContain(reservation.ExecutionId, await stores.JobExecutionIdsAsync(job));
        Assert.Null(await PendingScoreAsync(stores, reservation));
    }
}
