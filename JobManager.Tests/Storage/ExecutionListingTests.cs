using JobManager.Core.Executions;
using JobManager.Core.Jobs;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>
/// <see cref="Core.Storage.ExecutionStore.ListAsync"/>: newest first by scheduled time then id, of one
/// job or of a service across shards, filtered, and paged so that ties on scheduled time (manual runs
/// asked for in the same second) are neither lost nor repeated.
/// </summary>
[Collection(RedisCollection.Name)]
public class ExecutionListingTests(RedisServerFixture redis)
{
    private static readonly ExecutionFilter All = new(null, null, null);

    [Fact]
    public async Task List_ReturnsAJobsExecutionsNewestFirst()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("newest");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var now = await stores.NowMsAsync();
        var instants = new[] { now - 180_000, now - 60_000, now - 240_000, now - 120_000 };
        var ids = await ScheduleRunsAsync(stores, job, instants);

        var page = await stores.Executions.ListAsync(job.Service, job.Job, All, 100, null);

        Assert.Equal(instants.OrderDescending(), page.Items.Select(e => e.ScheduledTimeMs));
        Assert.Equal(ids.Order(), page.Items.Select(e => e.ExecutionId).Order());
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task List_OfAService_MergesItsJobsAcrossShards_NewestFirst()
    {
        var stores = redis.CreateStores(shards: 4);
        var service = TestJobs.Service("merge");
        var jobs = Enumerable.Range(0, 6).Select(i => new JobRef(service, $"job-{i}")).ToList();
        Assert.True(jobs.Select(stores.Keys.ShardOf).Distinct().Count() > 1, "the jobs should span shards");
        var now = await stores.NowMsAsync();
        var expected = new List<long>();
        foreach (var (job, i) in jobs.Select((j, i) => (j, i)))
        {
            await stores.UpsertAsync(job, TestJobs.Definition());
            // Interleaved: job i runs at minutes i, i + 6, i + 12 ago.
            var instants = new[] { now - (i + 1) * 60_000L, now - (i + 7) * 60_000L, now - (i + 13) * 60_000L };
            await ScheduleRunsAsync(stores, job, instants);
            expected.AddRange(instants);
        }

        var page = await stores.Executions.ListAsync(service, null, All, 100, null);

        Assert.Equal(expected.OrderDescending(), page.Items.Select(e => e.ScheduledTimeMs));
        Assert.All(page.Items, e => Assert.Equal(service, e.Service));
    }

    [Fact]
    public async Task List_KeepsOnlyTheStatusAskedFor()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("status");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var now = await stores.NowMsAsync();
        var ids = await ScheduleRunsAsync(stores, job, [.. Enumerable.Range(1, 9).Select(i => now - i * 60_000L)]);
        // Newest first: success, failure, pending, success, failure, pending, ...
        for (var i = 0; i < ids.Count; i++)
        {
            var status = (i % 3) switch { 0 => ExecutionStatus.Success, 1 => ExecutionStatus.Failure, _ => null };
            if (status is not null)
            {
                await stores.Executions.ApplyCallbackAsync(ids[i], new CallbackReport(status, null, null, null));
            }
        }

        var (failures, _) = await Pages.ReadAllAsync(after => stores.Executions.ListAsync(
            job.Service, job.Job, new ExecutionFilter(ExecutionStatus.Failure, null, null), 2, after));
        var pending = await stores.Executions.ListAsync(job.Service, null, new ExecutionFilter(ExecutionStatus.Pending, null, null), 100,
            null);

        Assert.Equal([ids[1], ids[4], ids[7]], failures.Select(e => e.ExecutionId));
        Assert.Equal([ids[2], ids[5], ids[8]], pending.Items.Select(e => e.ExecutionId));
    }

    [Fact]
    public async Task List_KeepsOnlyExecutionsScheduledFromTo_BothInclusive()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("window");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var now = await stores.NowMsAsync() / 1_000 * 1_000;
        var instants = Enumerable.Range(1, 8).Select(i => now - i * 60_000L).ToArray();
        await ScheduleRunsAsync(stores, job, instants);

        var page = await stores.Executions.ListAsync(job.Service, job.Job, new ExecutionFilter(null, instants[5], instants[2]), 100, null);
        var from = await stores.Executions.ListAsync(job.Service, job.Job, new ExecutionFilter(null, instants[1], null), 100, null);
        var to = await stores.Executions.ListAsync(job.Service, null, new ExecutionFilter(null, null, instants[6]), 100, null);

        Assert.Equal(instants[2..6], page.Items.Select(e => e.ScheduledTimeMs));
        Assert.Equal(instants[..2], from.Items.Select(e => e.ScheduledTimeMs));
        Assert.Equal(instants[6..], to.Items.Select(e => e.ScheduledTimeMs));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(100)]
    public async Task List_OfAJob_PagesCoverEveryExecutionOnce_IncludingManualRunsInTheSameSecond(int limit)
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("tiesjob");
        await stores.UpsertAsync(job, TestJobs.Definition());
        var expected = await RunsWithTiesAsync(stores, [job]);

        var (listed, _) = await Pages.ReadAllAsync(after => stores.Executions.ListAsync(job.Service, job.Job, All, limit, after));

        Assert.Equal(expected, listed.Select(e => e.ExecutionId));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(100)]
    public async Task List_OfAService_PagesCoverEveryExecutionOnce_IncludingManualRunsInTheSameSecond(int limit)
    {
        var stores = redis.CreateStores(shards: 4);
        var service = TestJobs.Service("tiessvc");
        var jobs = Enumerable.Range(0, 12).Select(i => new JobRef(service, $"job-{i}"))
            .DistinctBy(stores.Keys.ShardOf).Take(2).ToList();
        Assert.Equal(2, jobs.Count);
        foreach (var job in jobs)
        {
            await stores.UpsertAsync(job, TestJobs.Definition());
        }
        var expected = await RunsWithTiesAsync(stores, jobs);

        var (listed, _) = await Pages.ReadAllAsync(after => stores.Executions.ListAsync(service, null, All, limit, after));

        Assert.Equal(expected, listed.Select(e => e.ExecutionId));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    public async Task List_OfAService_MergesItsJobsInOneShard_PagingThroughTiesOnce(int limit)
    {
        var stores = redis.CreateStores(shards: 2);
        var service = TestJobs.Service("oneshard");
        var jobs = Enumerable.Range(0, 40).Select(i => new JobRef(service, $"job-{i}"))
            .Where(j => stores.Keys.ShardOf(j) == 0).Take(12).ToList();
        var now = await stores.NowMsAsync() / 1_000 * 1_000;
        var executions = new List<Execution>();
        foreach (var (job, i) in jobs.Select((j, i) => (j, i)))
        {
            await stores.UpsertAsync(job, TestJobs.Definition());
            // Every job at the same two instants, a third of them at one more of their own.
            long[] instants = i % 3 == 0 ? [now - 120_000, now - 60_000, now - (i + 3) * 60_000L] : [now - 120_000, now - 60_000];
            foreach (var id in await ScheduleRunsAsync(stores, job, instants))
            {
                executions.Add(await stores.ExecutionAsync(job, id));
            }
        }
        var expected = executions.OrderByDescending(e => e.ScheduledTimeMs).ThenByDescending(e => e.ExecutionId, StringComparer.Ordinal)
            .Select(e => e.ExecutionId).ToList();

        var (listed, _) = await Pages.ReadAllAsync(after => stores.Executions.ListAsync(service, null, All, limit, after));

        Assert.Equal(expected, listed.Select(e => e.ExecutionId));
    }

    [Fact]
    public async Task List_OfAService_MergesMoreJobsThanOneScriptCallReads()
    {
        var stores = redis.CreateStores(shards: 1);
        var service = TestJobs.Service("manyjobs");
        var jobs = Enumerable.Range(0, ExecutionListing.IndexesPerCall + 30).Select(i => new JobRef(service, $"j{i:D5}")).ToList();
        await Task.WhenAll(jobs.Select(job => stores.UpsertAsync(job, TestJobs.Definition())));
        var now = await stores.NowMsAsync() / 1_000 * 1_000;
        foreach (var (job, i) in jobs.Select((j, i) => (j, i)))
        {
            await stores.SetNextInstantAsync(job, now - 60_000 - i % 97 * 1_000L);
        }
        var claimed = new List<Core.Dispatch.Delivery>();
        for (var round = 0; round < 3; round++)
        {
            claimed.AddRange((await stores.ClaimShardAsync(0)).Deliveries.Where(d => d.Job.Service == service));
        }
        Assert.Equal(jobs.Count, claimed.Count);
        var expected = claimed.OrderByDescending(d => d.ScheduledMs).ThenByDescending(d => d.ExecutionId, StringComparer.Ordinal)
            .Select(d => d.ExecutionId).ToList();

        var (listed, _) = await Pages.ReadAllAsync(after => stores.Executions.ListAsync(service, null, All, 150, after));

        Assert.Equal(expected, listed.Select(e => e.ExecutionId));
    }

    [Fact]
    public async Task List_OfAService_KeepsADeletedJobsExecutions_UntilRetentionTrimsThem()
    {
        var stores = redis.CreateStores(shards: 2);
        var service = TestJobs.Service("deleted");
        var jobs = Enumerable.Range(0, 20).Select(i => new JobRef(service, $"job-{i}")).Where(j => stores.Keys.ShardOf(j) == 1).Take(2)
            .ToList();
        var (gone, kept) = (jobs[0], jobs[1]);
        var now = await stores.NowMsAsync();
        await stores.UpsertAsync(gone, TestJobs.Definition());
        await stores.UpsertAsync(kept, TestJobs.Definition());
        var goneIds = await ScheduleRunsAsync(stores, gone, [now - 180_000, now - 60_000]);
        var keptIds = await ScheduleRunsAsync(stores, kept, [now - 120_000]);

        Assert.True(await stores.Jobs.DeleteAsync(gone));
        await stores.UpsertAsync(gone, TestJobs.Definition());
        var recreatedIds = await ScheduleRunsAsync(stores, gone, [now - 30_000]);

        var listed = await stores.Executions.ListAsync(service, null, All, 100, null);
        Assert.Equal([recreatedIds[0], goneIds[1], keptIds[0], goneIds[0]], listed.Items.Select(e => e.ExecutionId));
        Assert.Equal(recreatedIds, (await stores.Executions.ListAsync(service, gone.Job, All, 100, null)).Items.Select(e => e.ExecutionId));

        // A sweep a day past retention: the deleted job's index entries go (their hashes expire on their own).
        var retention = new Core.Storage.RetentionStore(redis.Redis, stores.Keys,
            Microsoft.Extensions.Options.Options.Create(new Core.Configuration.RetentionOptions()));
        await retention.SweepShardAsync(1, now + 8 * 86_400_000L, CancellationToken.None);
        Assert.Equal(0, await stores.Db.SortedSetLengthAsync(stores.Keys.DeletedJobExecutions(1, service)));
    }

    /// <summary>Claims one execution of the job per instant; their ids in the order given.</summary>
    private static async Task<List<string>> ScheduleRunsAsync(StoreSet stores, JobRef job, IReadOnlyList<long> instants)
    {
        var ids = new List<string>();
        foreach (var instant in instants)
        {
            ids.Add((await stores.DeliveryAtAsync(job, instant)).ExecutionId);
        }
        return ids;
    }

    /// <summary>
    /// Scheduled runs a minute apart and manual runs asked for back to back (the same whole second);
    /// the ids of all of them in listing order: scheduled time, then id, both descending.
    /// </summary>
    private static async Task<List<string>> RunsWithTiesAsync(StoreSet stores, IReadOnlyList<JobRef> jobs)
    {
        var now = await stores.NowMsAsync();
        var executions = new List<Execution>();
        foreach (var (job, i) in jobs.Select((j, i) => (j, i)))
        {
            foreach (var id in await ScheduleRunsAsync(stores, job, [now - (i + 2) * 60_000L, now - (i + 5) * 60_000L]))
            {
                executions.Add(await stores.ExecutionAsync(job, id));
            }
        }
        for (var run = 0; run < 12; run++)
        {
            var job = jobs[run % jobs.Count];
            executions.Add(await stores.Executions.CreateManualRunAsync(job)
                ?? throw new Xunit.Sdk.XunitException($"{job} vanished"));
        }
        var largestTie = executions.GroupBy(e => e.ScheduledTimeMs).Max(g => g.Count());
        Assert.True(largestTie >= 4, $"expected manual runs in the same second; the largest tie is {largestTie}");
        return [.. executions
            .OrderByDescending(e => e.ScheduledTimeMs)
            .ThenByDescending(e => e.ExecutionId, StringComparer.Ordinal)
            .Select(e => e.ExecutionId)];
    }
}
