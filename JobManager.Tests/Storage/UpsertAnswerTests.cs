using JobManager.Core.Jobs;
using JobManager.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace JobManager.Tests.Storage;

/// <summary>
/// A PUT answers with the job as stored without reading it back: what upsert_job.lua reports (created or
/// not, the creation time, the next instant) and the definition make exactly what a GET then returns.
/// </summary>
[Collection(RedisCollection.Name)]
public class UpsertAnswerTests(RedisServerFixture redis)
{
    public static TheoryData<string, bool, string?> Definitions => new()
    {
        { "rate(5 minutes)", true, "{\"foo\":\"bar\"}" },
        { "rate(1 day)", false, null },
        { "cron(0/5 * * * ? *)", true, "" },
        { "cron(0 12 ? * MON-FRI *)", false, "x" },
        { "at(2099-01-02T03:04:05)", true, null },
        // Already past: enabled, but nothing left to fire.
        { "at(2001-01-02T03:04:05)", true, null },
    };

    [Theory]
    [MemberData(nameof(Definitions))]
    public async Task Upsert_AnswersWhatAReadGivesBack_OnCreate(string schedule, bool enabled, string? payload)
    {
        var stores = redis.CreateStores(clock: new FakeTimeProvider(DateTimeOffset.Parse("2026-11-27T10:11:12.3456789Z")));
        var job = TestJobs.Job("answer", "nightly.export_v2");

        var outcome = await stores.Jobs.UpsertAsync(job,
            TestJobs.Definition(schedule, enabled, exclusive: true, ttlSeconds: 77, catchupSeconds: 9, payload: payload));

        Assert.True(outcome.Created);
        Assert.Equal(await stores.Jobs.GetAsync(job), outcome.Job);
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public async Task Upsert_AnswersWhatAReadGivesBack_OnUpdate(string schedule, bool enabled, string? payload)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-27T10:11:12.3456789Z"));
        var stores = redis.CreateStores(clock: clock);
        var job = TestJobs.Job("answer");
        await stores.Jobs.UpsertAsync(job, TestJobs.Definition("rate(1 hour)", payload: "old"));
        clock.Advance(TimeSpan.FromMinutes(5.5));

        var outcome = await stores.Jobs.UpsertAsync(job,
            TestJobs.Definition(schedule, enabled, payload: payload, target: "https://svc.example/new"));

        Assert.False(outcome.Created);
        var stored = await stores.Jobs.GetAsync(job);
        Assert.Equal(stored, outcome.Job);
        Assert.NotEqual(stored!.CreatedAt, stored.UpdatedAt);
    }

    [Fact]
    public async Task Upsert_AnswersWithTheKeptInstant_WhenTheScheduleIsUnchanged()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("answer");
        await stores.Jobs.UpsertAsync(job, TestJobs.Definition("cron(*/5 * * * ? *)"));
        var dueMs = await stores.NowMsAsync() - 5_000;
        await stores.SetNextInstantAsync(job, dueMs);

        var outcome = await stores.Jobs.UpsertAsync(job, TestJobs.Definition("cron(*/5 * * * ? *)", ttlSeconds: 30));

        Assert.Equal(dueMs, outcome.Job.NextScheduledMs);
        Assert.Equal(await stores.Jobs.GetAsync(job), outcome.Job);
    }

    [Fact]
    public async Task Upsert_IsOneRoundTrip()
    {
        await using var log = await CommandLog.ConnectAsync(redis);
        var stores = redis.CreateStores(connection: log.Connection);
        var job = TestJobs.Job("answer");
        log.Take();

        await stores.Jobs.UpsertAsync(job, TestJobs.Definition());
        await stores.Jobs.UpsertAsync(job, TestJobs.Definition(ttlSeconds: 60));

        // A wake-up PUBLISH is fire-and-forget: sent, never waited for.
        Assert.All(log.Take().Where(c => c != "PUBLISH"), c => Assert.StartsWith("EVAL", c, StringComparison.Ordinal));
    }
}
