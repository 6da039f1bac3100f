extern alias api;

using api::JobManager.Api.Limits;
using JobManager.Core.Jobs;
using JobManager.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JobManager.Tests.Limits;

/// <summary>The per-service job limit's count: trusted for a second while well under the limit, exact near it.</summary>
[Collection(RedisCollection.Name)]
public class ServiceJobCounterTests(RedisServerFixture redis)
{
    [Fact]
    public async Task CreatesUpToTheLimit_ThenRefusesNewJobs_ButAllowsUpdates()
    {
        var (stores, counter, _) = Create(jobsPerService: 3);
        var service = TestJobs.Job("counter-limit").Service;

        var created = 0;
        for (var i = 0; i < 5; i++)
        {
            var job = new JobRef(service, $"job-{i}");
            if (await counter.AllowsAsync(job) && (await stores.Jobs.UpsertAsync(job, TestJobs.Definition())).Created)
            {
                counter.Created(service);
                created++;
            }
        }

        Assert.Equal(3, created);
        Assert.Equal(3, await stores.Jobs.CountAsync(service));
        Assert.True(await counter.AllowsAsync(new JobRef(service, "job-0")));
    }

    [Fact]
    public async Task JobsCreatedElsewhere_AreCounted_OnceTheCountIsASecondOld()
    {
        var (stores, counter, clock) = Create(jobsPerService: 20);
        var service = TestJobs.Job("counter-stale").Service;
        Assert.True(await counter.AllowsAsync(new JobRef(service, "first")));

        // Another Api replica fills the service up.
        for (var i = 0; i < 20; i++)
        {
            await stores.Jobs.UpsertAsync(new JobRef(service, $"other-{i}"), TestJobs.Definition());
        }
        var trustedWhileFresh = await counter.AllowsAsync(new JobRef(service, "second"));
        clock.Advance(TimeSpan.FromSeconds(1));
        var countedWhenStale = await counter.AllowsAsync(new JobRef(service, "third"));

        Assert.True(trustedWhileFresh);
        Assert.False(countedWhenStale);
        Assert.True(await counter.AllowsAsync(new JobRef(service, "other-7")));
    }

    [Fact]
    public async Task NearTheLimit_EveryCreationCountsExactly()
    {
        var (stores, counter, _) = Create(jobsPerService: 20);
        var service = TestJobs.Job("counter-near").Service;
        for (var i = 0; i < 18; i++)
        {
            await stores.Jobs.UpsertAsync(new JobRef(service, $"job-{i}"), TestJobs.Definition());
        }
        Assert.True(await counter.AllowsAsync(new JobRef(service, "probe")));

        // Within a tenth of the limit the cached 18 is not trusted, even while fresh.
        await stores.Jobs.UpsertAsync(new JobRef(service, "job-18"), TestJobs.Definition());
        await stores.Jobs.UpsertAsync(new JobRef(service, "job-19"), TestJobs.Definition());

        Assert.False(await counter.AllowsAsync(new JobRef(service, "job-20")));
    }

    private (StoreSet Stores, ServiceJobCounter Counter, FakeTimeProvider Clock) Create(int jobsPerService)
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var stores = redis.CreateStores(clock: clock);
        var counter = new ServiceJobCounter(stores.Jobs, clock, Options.Create(new LimitsOptions { JobsPerService = jobsPerService }));
        return (stores, counter, clock);
    }
}
