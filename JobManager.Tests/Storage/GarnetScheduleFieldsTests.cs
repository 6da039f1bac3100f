using JobManager.Core.Jobs;
using JobManager.Core.Schedules;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Storage;

/// <summary>
/// The flexible window and end_time arithmetic on Garnet, whose Lua 5.4 keeps integers apart from floats
/// (Redis' Lua 5.1 has only doubles): the wheel score and the fire offset must come out the same.
/// </summary>
[Collection(GarnetCollection.Name)]
public sealed class GarnetScheduleFieldsTests(GarnetServerFixture garnet)
{
    [Fact]
    public async Task FlexibleWindow_PutsTheSameFireTimeOnTheWheel_AsFlexibleWindowComputes()
    {
        var stores = GarnetServerFixture.CreateStores(garnet.Redis, new RedisKeys(4));
        var job = TestJobs.Job("garnetflex");

        var stored = await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)") with { FlexibleWindowSeconds = 3_600 });

        var next = stored.NextScheduledMs!.Value;
        Assert.Equal(next + FlexibleWindow.OffsetMs(job.WheelMember, next, 3_600), await stores.DueScoreAsync(job));
    }

    [Fact]
    public async Task RateJob_StopsAtItsEnd()
    {
        var stores = GarnetServerFixture.CreateStores(garnet.Redis, new RedisKeys(4));
        var job = TestJobs.Job("garnetend");
        var instant = await stores.NowMsAsync() - 3_000;
        var calendar = new JobCalendar("UTC", null, DateTimeOffset.FromUnixTimeMilliseconds(instant));
        await stores.UpsertAsync(job, TestJobs.Definition("rate(1 hour)") with { Calendar = calendar, FlexibleWindowSeconds = 1 });

        var delivery = await stores.DeliveryAtAsync(job, instant);

        Assert.Equal(instant, delivery.ScheduledMs);
        Assert.Null((await stores.Jobs.GetAsync(job))!.NextScheduledMs);
    }
}
