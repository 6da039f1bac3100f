using JobManager.Core.Schedules;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>
/// A job's flexible window in the scripts: the wheel holds each instant at its fire time (computed in Lua
/// exactly as <see cref="FlexibleWindow"/> computes it), while the execution keeps the nominal instant.
/// </summary>
[Collection(RedisCollection.Name)]
public class FlexibleWindowClaimTests(RedisServerFixture redis)
{
    private const int Window = 3_600;

    [Fact]
    public async Task Wheel_HoldsTheFireTime_AsFlexibleWindowComputesIt()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("flexwheel");

        var stored = await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)") with { FlexibleWindowSeconds = Window });

        var next = stored.NextScheduledMs!.Value;
        Assert.Equal(next + FlexibleWindow.OffsetMs(job.WheelMember, next, Window), await stores.DueScoreAsync(job));
        Assert.Equal(Window, (await stores.Jobs.GetAsync(job))!.FlexibleWindowSeconds);
        Assert.Equal(Window.ToString(), await stores.JobFieldAsync(job, "flex_s"));
    }

    [Fact]
    public async Task Claim_KeepsTheNominalInstant_RecordsTheFireTime_AndQueuesTheNextAtItsFireTime()
    {
        var stores = redis.CreateStores();
        // An instant whose fire time (instant + offset, offset not 0) was a second or few ago: due, on time.
        const int window = 60;
        var job = TestJobs.Job("flexclaim");
        var nowSeconds = await stores.NowMsAsync() / 1000;
        var instant = Enumerable.Range(1, 10 * window)
            .Select(k => (nowSeconds - k) * 1000)
            .First(at => FlexibleWindow.OffsetMs(job.WheelMember, at, window) is var off && off > 0
                && at + off <= (nowSeconds - 1) * 1000 && at + off > (nowSeconds - 5) * 1000);
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)") with { FlexibleWindowSeconds = window });
        var offset = FlexibleWindow.OffsetMs(job.WheelMember, instant, window);

        var delivery = await stores.DeliveryAtAsync(job, instant);

        Assert.Equal(instant, delivery.ScheduledMs);
        Assert.Equal(instant + offset, delivery.FireMs);
        var execution = await stores.ExecutionAsync(job, delivery.ExecutionId);
        Assert.Equal(instant, execution.ScheduledTimeMs);
        Assert.Equal(instant + offset, execution.FireTimeMs);
        var next = (await stores.Jobs.GetAsync(job))!.NextScheduledMs!.Value;
        Assert.Equal(next + FlexibleWindow.OffsetMs(job.WheelMember, next, window), await stores.DueScoreAsync(job));
    }

    [Fact]
    public async Task UpdateToNoWindow_RemovesTheField()
    {
        var stores = redis.CreateStores();
        var job = TestJobs.Job("flexoff");
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)") with { FlexibleWindowSeconds = 60 });

        var stored = await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)"));

        Assert.Null(await stores.JobFieldAsync(job, "flex_s"));
        Assert.Equal(stored.NextScheduledMs, (long?)await stores.DueScoreAsync(job));
    }
}
