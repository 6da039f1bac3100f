using JobManager.Core.Jobs;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>claim_due.lua stops a rate job at its <c>end_time</c> (cron and at queues are computed within it).</summary>
[Collection(RedisCollection.Name)]
public class ClaimEndTimeTests(RedisServerFixture redis)
{
    private const long HourMs = 3_600_000;

    [Fact]
    public async Task RateJob_FiresItsLastInstantAtTheEnd_ThenHasNoNext()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("ending");
        var instant = await stores.NowMsAsync() - 3_000;
        var end = DateTimeOffset.FromUnixTimeMilliseconds(instant);
        var open = new JobRef(job.Service, "open");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)") with { Calendar = new JobCalendar("UTC", null, end) });
        await stores.UpsertAsync(open, TestJobs.Definition("rate(1 hour)") with { Calendar = new JobCalendar("UTC", null, end.AddHours(1)) });

        var (beforeEnd, _) = await stores.ClaimAtAsync(open, instant);
        Assert.NotNull(beforeEnd);
        Assert.Equal(instant + HourMs, (await stores.Jobs.GetAsync(open))!.NextScheduledMs);

        var (last, _) = await stores.ClaimAtAsync(job, instant);
        Assert.NotNull(last);
        Assert.Equal(instant, last.ScheduledMs);
        var stored = (await stores.Jobs.GetAsync(job))!;
        Assert.Null(stored.NextScheduledMs);
        Assert.Null(await stores.DueScoreAsync(job));
        Assert.Equal(end, stored.Calendar.End);
    }

    [Fact]
    public async Task DefaultCalendar_StoresNoFields_AndAnUpdateBackToDefaultRemovesThem()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("calfields");
        var calendar = new JobCalendar("Europe/Berlin", DateTimeOffset.UnixEpoch.AddYears(60), null);
        await stores.UpsertAsync(job, TestJobs.Definition("cron(0 9 * * ? *)") with { Calendar = calendar });
        Assert.Equal("Europe/Berlin", await stores.JobFieldAsync(job, "tz"));
        Assert.Equal(calendar, (await stores.Jobs.GetAsync(job))!.Calendar);

        await stores.UpsertAsync(job, TestJobs.Definition("cron(0 9 * * ? *)"));

        Assert.Null(await stores.JobFieldAsync(job, "tz"));
        Assert.Null(await stores.JobFieldAsync(job, "start_ms"));
        Assert.Null(await stores.JobFieldAsync(job, "end_ms"));
        Assert.Equal(JobCalendar.Default, (await stores.Jobs.GetAsync(job))!.Calendar);
    }
}
