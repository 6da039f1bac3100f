using JobManager.Core.Dispatch;
using JobManager.Core.Executions;
using JobManager.Core.Jobs;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>claim_due.lua through <see cref="ClaimStore.ClaimDueAsync"/>: one execution per due instant, whatever races.</summary>
[Collection(RedisCollection.Name)]
public class ClaimDueTests(RedisServerFixture redis)
{
    private const long HourMs = 3_600_000;

    [Fact]
    public async Task Claim_CreatesOnePendingExecution_AndAdvancesARateJobByItsPeriod()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("claim");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)", payload: "{\"a\":1}", ttlSeconds: 77));
        var instant = await stores.NowMsAsync() - 3_000;

        var (delivery, _) = await stores.ClaimAtAsync(job, instant);

        Assert.NotNull(delivery);
        Assert.Equal(job, delivery.Job);
        Assert.Equal(instant, delivery.ScheduledMs);
        Assert.Equal(1, delivery.Attempt);
        Assert.Equal(0, delivery.MissedRuns);
        Assert.Equal(TestJobs.Target, delivery.InvocationTarget);
        Assert.Equal("{\"a\":1}", delivery.Payload);
        Assert.Equal("rate(1 hour)", delivery.Schedule);
        Assert.Equal(77, delivery.TtlSeconds);
        Assert.Null(delivery.LastSuccessfulExecution);
        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(ExecutionStatus.Pending, execution.Status);
        Assert.Equal(ExecutionTrigger.Schedule, execution.Trigger);
        Assert.Equal(instant, execution.ScheduledTimeMs);
        Assert.Equal(1, execution.Attempt);
        Assert.Equal([delivery.ExecutionId], await stores.JobExecutionIdsAsync(job));
        Assert.True(await stores.IsActiveAsync(delivery));
        Assert.Equal(delivery.ClaimedAtMs + StoreSet.LeaseMs, await stores.PendingScoreAsync(delivery));
        Assert.Equal(instant + HourMs, (await stores.Jobs.GetAsync(job))!.NextScheduledMs);
        Assert.Equal(instant + HourMs, await stores.DueScoreAsync(job));
    }

    [Fact]
    public async Task Claim_CreatesNothing_WhenTheJobIsNotDueYet()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("notdue");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)"));
        var inAMinute = await stores.NowMsAsync() + 60_000;
        await stores.SetNextInstantAsync(job, inAMinute);

        // The caller's clock runs a minute fast; the script checks Redis time again.
        var result = await stores.Claims.ClaimDueAsync(stores.Keys.ShardOf(job), inAMinute, StoreSet.Batch, StoreSet.LeaseMs,
            StoreSet.GraceMs);

        Assert.DoesNotContain(result.Deliveries, d => d.Job == job);
        Assert.Empty(await stores.JobExecutionIdsAsync(job));
        Assert.Equal(inAMinute, await stores.DueScoreAsync(job));
    }

    [Fact]
    public async Task Claim_CreatesExactlyOneExecutionPerInstant_WhenManyClaimersRace()
    {
        const int JobCount = 200;
        var stores = redis.CreateStores(shards: 4);
        var service = TestJobs.Service("race");
        // Every job in one shard, so all claimers fight over the same wheel.
        var shard = stores.Keys.ShardOf(new JobRef(service, "job-0"));
        var jobs = Enumerable.Range(0, 10 * JobCount).Select(i => new JobRef(service, $"job-{i}"))
            .Where(j => stores.Keys.ShardOf(j) == shard).Take(JobCount).ToList();
        Assert.Equal(JobCount, jobs.Count);
        var instant = await stores.NowMsAsync() - 5_000;
        foreach (var job in jobs)
        {
            await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)"));
            await stores.SetNextInstantAsync(job, instant);
        }

        var claimers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var claimed = new List<Delivery>();
            // Small batches, so claimers read candidates another has just taken.
            for (var round = 0; round < 1_000; round++)
            {
                var result = await stores.Claims.ClaimDueAsync(shard, await stores.NowMsAsync(), 7, StoreSet.LeaseMs, StoreSet.GraceMs);
                claimed.AddRange(result.Deliveries);
                if (result.Candidates == 0)
                {
                    break;
                }
            }
            return claimed;
        })).ToArray();
        var deliveries = (await Task.WhenAll(claimers).WaitAsync(TimeSpan.FromSeconds(60))).SelectMany(d => d)
            .Where(d => d.Job.Service == service).ToList();

        Assert.Equal(JobCount, deliveries.Count);
        Assert.Equal(jobs.Select(j => j.Job).Order(StringComparer.Ordinal),
            deliveries.Select(d => d.Job.Job).Order(StringComparer.Ordinal));
        Assert.All(deliveries, d => Assert.Equal(instant, d.ScheduledMs));
        Assert.Equal(JobCount, deliveries.Select(d => d.ExecutionId).Distinct().Count());
        foreach (var job in jobs)
        {
            Assert.Single(await stores.JobExecutionIdsAsync(job));
            Assert.Equal(instant + HourMs, await stores.DueScoreAsync(job));
        }
        var listed = await stores.Executions.ListAsync(service, null, new ExecutionFilter(null, null, null), Paging.MaxLimit, null);
        Assert.Equal(deliveries.Select(d => d.ExecutionId).Order(StringComparer.Ordinal),
            listed.Items.Select(e => e.ExecutionId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Claim_RecordsExclusiveConflict_AndSendsNothing_WhenThePreviousRunIsActive()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("exclusive");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)", exclusive: true));
        var now = await stores.NowMsAsync();
        var first = await stores.DeliveryAtAsync(job, now - 4_000);

        var (second, result) = await stores.ClaimAtAsync(job, now - 2_000);

        Assert.Null(second);
        Assert.True(result.Conflicts >= 1);
        var ids = await stores.JobExecutionIdsAsync(job);
        Assert.Equal(2, ids.Length);
        var conflict = await stores.ExecutionAsync(job, ids.Single(id => id != first.ExecutionId));
        Assert.Equal(ExecutionStatus.Failure, conflict.Status);
        Assert.Equal(FailureReason.ExclusiveConflict, conflict.FailureReason);
        Assert.Equal(now - 2_000, conflict.ScheduledTimeMs);
        Assert.Equal(0, conflict.Attempt);
        Assert.NotNull(conflict.FinishedAtMs);
        Assert.False(await stores.Db.SetContainsAsync(stores.Keys.ActiveExecutions(job), conflict.ExecutionId));
        // The conflicting instant is spent: the job moves on to the next one.
        Assert.Equal(now - 2_000 + HourMs, await stores.DueScoreAsync(job));
    }

    [Fact]
    public async Task Claim_FiresAnExclusiveJobAgain_OnceItsPreviousRunHasFinished()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("exclusive");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)", exclusive: true));
        var now = await stores.NowMsAsync();
        var first = await stores.DeliveryAtAsync(job, now - 4_000);
        await stores.Executions.ApplyCallbackAsync(first.ExecutionId, new CallbackReport(ExecutionStatus.Success, null, null, null));

        var (second, _) = await stores.ClaimAtAsync(job, now - 2_000);

        Assert.NotNull(second);
    }

    [Fact]
    public async Task Claim_FiresANonExclusiveJobAgain_WhileItsPreviousRunIsActive()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("overlap");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)", exclusive: false));
        var now = await stores.NowMsAsync();
        await stores.DeliveryAtAsync(job, now - 4_000);

        var (second, _) = await stores.ClaimAtAsync(job, now - 2_000);

        Assert.NotNull(second);
    }

    [Fact]
    public async Task Claim_DropsADisabledJobFromTheWheel_WithoutAnExecution()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("disabled");
        await stores.UpsertAsync(job, TestJobs.Definition());
        // A wheel entry the hash disagrees with: the script trusts the hash.
        await stores.Db.HashSetAsync(stores.Keys.Job(job), "enabled", "0");

        var (delivery, _) = await stores.ClaimAtAsync(job, await stores.NowMsAsync() - 1_000);

        Assert.Null(delivery);
        Assert.Null(await stores.DueScoreAsync(job));
        Assert.Empty(await stores.JobExecutionIdsAsync(job));
    }

    [Fact]
    public async Task Claim_DropsADeletedJobFromTheWheel()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("deleted");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var instant = await stores.NowMsAsync() - 1_000;
        await stores.SetNextInstantAsync(job, instant);
        await stores.Db.KeyDeleteAsync(stores.Keys.Job(job));

        var result = await stores.ClaimShardAsync(stores.Keys.ShardOf(job));

        Assert.DoesNotContain(result.Deliveries, d => d.Job == job);
        Assert.Null(await stores.DueScoreAsync(job));
    }
}
