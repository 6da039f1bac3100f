using JobManager.Core.Jobs;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>
/// <see cref="Core.Storage.JobStore.ListAsync"/>: jobs by service then name, merged across shards, paged
/// by cursor. The listing of every service also holds other tests' jobs; these tests look at their own.
/// </summary>
[Collection(RedisCollection.Name)]
public class JobListingTests(RedisServerFixture redis)
{
    // '-' (0x2D) and '.' (0x2E) sort below letters but above the index's separator: "p x" < "p-b x" < "p.b x".
    private static readonly string[] JobNames = ["x", "X", "x-1", "x.1", "x_1", "x1", "y"];

    [Fact]
    public async Task List_OrdersByServiceThenJob_AcrossShards_WhereDotAndDashMatter()
    {
        var stores = redis.CreateStores(shards: 4);
        var prefix = TestJobs.Service("ls");
        var services = new[] { $"{prefix}.b", prefix, $"{prefix}-b", $"{prefix}.b.c" };
        var jobs = services.SelectMany(s => JobNames.Select(j => new JobRef(s, j))).ToList();
        foreach (var job in jobs)
        {
            await stores.UpsertAsync(job, TestJobs.Definition());
        }
        Assert.True(jobs.Select(stores.Keys.ShardOf).Distinct().Count() > 1, "the jobs should span shards");

        var (all, pages) = await Pages.ReadAllAsync(after => stores.Jobs.ListAsync(null, null, 5, after));

        var expected = jobs
            .OrderBy(j => j.Service, StringComparer.Ordinal)
            .ThenBy(j => j.Job, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [$"{prefix} X", $"{prefix} x", $"{prefix} x-1", $"{prefix} x.1", $"{prefix} x1", $"{prefix} x_1", $"{prefix} y"],
            expected.Take(7).Select(j => j.IndexMember));
        Assert.Equal(expected, all.Select(j => j.Ref).Where(r => r.Service.StartsWith(prefix, StringComparison.Ordinal)));
        // Across every test's jobs: strictly ascending, so no job is listed twice.
        var members = all.Select(j => j.Ref.IndexMember).ToList();
        Assert.Equal(members.Order(StringComparer.Ordinal).Distinct(), members);
        Assert.True(pages > 1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(100)]
    public async Task List_OfOneService_PagesCoverEveryJobExactlyOnce(int limit)
    {
        var stores = redis.CreateStores(shards: 4);
        var service = TestJobs.Service("page");
        var names = Enumerable.Range(0, 23).Select(i => $"job-{i:D2}").Concat(JobNames).ToList();
        foreach (var name in names)
        {
            await stores.UpsertAsync(new JobRef(service, name), TestJobs.Definition());
        }

        var (all, pages) = await Pages.ReadAllAsync(after => stores.Jobs.ListAsync(service, null, limit, after));

        Assert.Equal(names.Order(StringComparer.Ordinal), all.Select(j => j.Ref.Job));
        Assert.All(all, j => Assert.Equal(service, j.Ref.Service));
        Assert.Equal((names.Count + limit - 1) / limit, pages);
    }

    [Fact]
    public async Task List_PageHoldsAtMostTheLimit_AndTheLastPageHasNoCursor()
    {
        var stores = redis.CreateStores(shards: 4);
        var service = TestJobs.Service("limit");
        foreach (var name in JobNames)
        {
            await stores.UpsertAsync(new JobRef(service, name), TestJobs.Definition());
        }

        var first = await stores.Jobs.ListAsync(service, null, 4, null);
        var whole = await stores.Jobs.ListAsync(service, null, JobNames.Length, null);

        Assert.Equal(4, first.Items.Count);
        Assert.NotNull(first.NextCursor);
        Assert.Equal(JobNames.Length, whole.Items.Count);
        Assert.Null(whole.NextCursor);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task List_KeepsOnlyJobsWithTheEnabledValueAskedFor(bool enabled)
    {
        var stores = redis.CreateStores(shards: 4);
        var service = TestJobs.Service("enabled");
        var names = Enumerable.Range(0, 12).Select(i => $"job-{i:D2}").ToList();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            await stores.UpsertAsync(new JobRef(service, name), TestJobs.Definition(enabled: i % 3 == 0));
        }

        var (matching, _) = await Pages.ReadAllAsync(after => stores.Jobs.ListAsync(service, enabled, 2, after));

        var expected = names.Where((_, i) => (i % 3 == 0) == enabled);
        Assert.Equal(expected, matching.Select(j => j.Ref.Job));
        Assert.All(matching, j => Assert.Equal(enabled, j.Enabled));
    }

    [Fact]
    public async Task List_LeavesOutDeletedJobs()
    {
        var stores = redis.CreateStores(shards: 4);
        var service = TestJobs.Service("deleted");
        foreach (var name in JobNames)
        {
            await stores.UpsertAsync(new JobRef(service, name), TestJobs.Definition());
        }
        await stores.Jobs.DeleteAsync(new JobRef(service, "x.1"));

        var page = await stores.Jobs.ListAsync(service, null, 100, null);

        Assert.DoesNotContain(page.Items, j => j.Ref.Job == "x.1");
        Assert.Equal(JobNames.Length - 1, page.Items.Count);
    }
}
