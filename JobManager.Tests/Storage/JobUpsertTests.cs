using JobManager.Core.Jobs;
using JobManager.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace JobManager.Tests.Storage;

/// <summary>upsert_job.lua and delete_job.lua through <see cref="Core.Storage.JobStore"/>: the job hash, its indexes and its place on the
/// wheel.</summary>
[Collection(RedisCollection.Name)]
public class JobUpsertTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Upsert_ReportsCreated_OnFirstPutOnly()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("upsert");

        var first = await stores.Jobs.UpsertAsync(job, TestJobs.Definition());
        var second = await stores.Jobs.UpsertAsync(job, TestJobs.Definition(ttlSeconds: 60));

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(60, second.Job.TtlSeconds);
    }

    [Fact]
    public async Task Upsert_StoresEveryField_AsGetReadsItBack()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var stores = redis.CreateStores(clock: clock);
        var job = TestJobs.Job("fields", "nightly.export_v2");
        var definition = TestJobs.Definition("rate(5 minutes)", exclusive: true, ttlSeconds: 119, catchupSeconds: 45,
            payload: "{\"foo\":\"bar2\"}", target: "https://svc.example/hooks/export");

        var outcome = await stores.Jobs.UpsertAsync(job, definition);
        var stored = await stores.Jobs.GetAsync(job);

        Assert.NotNull(stored);
        Assert.Equal(outcome.Job, stored);
        Assert.Equal(job, stored.Ref);
        Assert.True(stored.Async);
        Assert.True(stored.Enabled);
        Assert.True(stored.Exclusive);
        Assert.Equal("https://svc.example/hooks/export", stored.InvocationTarget);
        Assert.Equal("http", stored.InvocationType);
        Assert.Equal("{\"foo\":\"bar2\"}", stored.Payload);
        Assert.Equal("rate(5 minutes)", stored.Schedule);
        Assert.Equal(119, stored.TtlSeconds);
        Assert.Equal(45, stored.CatchupWindowSeconds);
        // Stored with millisecond precision.
        var now = clock.GetUtcNow();
        var nowMs = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        Assert.Equal(nowMs, stored.CreatedAt);
        Assert.Equal(nowMs, stored.UpdatedAt);
        var expectedNext = definition.Schedule.GetNextOccurrence(now, ScheduleQueue.PhaseSecondsOf(definition.Schedule, job));
        Assert.Equal(expectedNext!.Value.ToUnixTimeMilliseconds(), stored.NextScheduledMs);
        Assert.Equal(stored.NextScheduledMs, await stores.DueScoreAsync(job));
    }

    [Fact]
    public async Task Upsert_RemovesPayload_WhenTheNewDefinitionHasNone()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("payload");
        await stores.Jobs.UpsertAsync(job, TestJobs.Definition(payload: "x"));

        var updated = await stores.UpsertAsync(job, TestJobs.Definition(payload: null));

        Assert.Null(updated.Payload);
        Assert.Null(await stores.JobFieldAsync(job, "payload"));
    }

    [Fact]
    public async Task Upsert_KeepsCreatedAt_AndMovesUpdatedAt_OnUpdate()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var stores = redis.CreateStores(clock: clock);
        var job = TestJobs.Job("created");
        var created = await stores.UpsertAsync(job, TestJobs.Definition());

        clock.Advance(TimeSpan.FromMinutes(3));
        var updated = await stores.UpsertAsync(job, TestJobs.Definition(ttlSeconds: 30));

        Assert.Equal(created.CreatedAt, updated.CreatedAt);
        Assert.Equal(created.CreatedAt + TimeSpan.FromMinutes(3), updated.UpdatedAt);
    }

    [Fact]
    public async Task Upsert_KeepsTheDueInstant_WhenAnEnabledJobIsSavedWithTheSameSchedule()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("keep");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)"));
        // The instant is due but not yet claimed (dispatchers lagging): a re-PUT must not skip it.
        var dueMs = await stores.NowMsAsync() - 5_000;
        await stores.SetNextInstantAsync(job, dueMs);

        var saved = await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)", ttlSeconds: 90));

        Assert.Equal(dueMs, saved.NextScheduledMs);
        Assert.Equal(dueMs, await stores.DueScoreAsync(job));
        Assert.Equal(90, saved.TtlSeconds);
    }

    [Fact]
    public async Task Upsert_ReplacesTheNextInstant_WhenTheScheduleChanges()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var stores = redis.CreateStores(clock: clock);
        var job = TestJobs.Job("change");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)"));
        await stores.SetNextInstantAsync(job, await stores.NowMsAsync() - 5_000);

        var definition = TestJobs.Definition("rate(2 hours)");
        var saved = await stores.UpsertAsync(job, definition);

        var expected = definition.Schedule.GetNextOccurrence(clock.GetUtcNow(),
            ScheduleQueue.PhaseSecondsOf(definition.Schedule, job))!.Value;
        Assert.Equal(expected.ToUnixTimeMilliseconds(), saved.NextScheduledMs);
        Assert.Equal(expected.ToUnixTimeMilliseconds(), await stores.DueScoreAsync(job));
    }

    [Fact]
    public async Task Upsert_TakesTheJobOffTheWheel_WhenDisabled()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("disable");
        await stores.UpsertAsync(job, TestJobs.Definition());
        Assert.NotNull(await stores.DueScoreAsync(job));

        var disabled = await stores.UpsertAsync(job, TestJobs.Definition(enabled: false));

        Assert.False(disabled.Enabled);
        Assert.Null(disabled.NextScheduledMs);
        Assert.Null(await stores.DueScoreAsync(job));
    }

    [Fact]
    public async Task Upsert_PutsTheJobBackOnTheWheelAtAFreshInstant_WhenReenabled()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var stores = redis.CreateStores(clock: clock);
        var job = TestJobs.Job("reenable");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 minute)"));
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 minute)", enabled: false));

        clock.Advance(TimeSpan.FromMinutes(10));
        var enabled = await stores.UpsertAsync(job, TestJobs.Definition("rate(1 minute)"));

        // Not the instant from before it was disabled: the ten minutes in between are not owed.
        Assert.True(enabled.NextScheduledMs > clock.GetUtcNow().ToUnixTimeMilliseconds());
        Assert.Equal(enabled.NextScheduledMs, await stores.DueScoreAsync(job));
    }

    [Fact]
    public async Task Upsert_QueuesTheNextCronInstants_AndTheTail()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var stores = redis.CreateStores(clock: clock);
        var job = TestJobs.Job("cron");
        var definition = TestJobs.Definition("cron(*/5 * * * ? *)");

        var saved = await stores.UpsertAsync(job, definition);

        var upcoming = ScheduleQueue.Upcoming(definition.Schedule, job, clock.GetUtcNow(), JobDefaults.QueuedOccurrences + 1).InstantsMs;
        Assert.Equal(upcoming[0], saved.NextScheduledMs);
        Assert.Equal(upcoming.Skip(1), await stores.QueuedInstantsAsync(job));
        Assert.Equal(upcoming[^1].ToString(System.Globalization.CultureInfo.InvariantCulture), await stores.JobFieldAsync(job, "tail_ms"));
    }

    [Fact]
    public async Task Delete_RemovesTheHash_BothIndexes_TheWheelEntry_AndTheExecutionIndex()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("delete");
        await stores.UpsertAsync(job, TestJobs.Definition());
        await stores.ClaimNowAsync(job);
        var shard = stores.Keys.ShardOf(job);

        Assert.True(await stores.Jobs.DeleteAsync(job));

        Assert.Null(await stores.Jobs.GetAsync(job));
        Assert.False(await stores.Db.KeyExistsAsync(stores.Keys.Job(job)));
        Assert.Null(await stores.Db.SortedSetScoreAsync(stores.Keys.JobIndex(shard), job.IndexMember));
        Assert.Null(await stores.Db.SortedSetScoreAsync(stores.Keys.ServiceJobIndex(shard, job.Service), job.Job));
        Assert.Null(await stores.DueScoreAsync(job));
        Assert.False(await stores.Db.KeyExistsAsync(stores.Keys.JobExecutions(job)));
    }

    [Fact]
    public async Task Delete_ReturnsFalse_WhenTheJobDoesNotExist()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("delete");
        await stores.UpsertAsync(job, TestJobs.Definition());
        await stores.Jobs.DeleteAsync(job);

        Assert.False(await stores.Jobs.DeleteAsync(job));
    }
}
