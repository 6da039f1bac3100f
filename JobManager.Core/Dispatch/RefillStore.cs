using System.Globalization;
using JobManager.Core.Jobs;
using JobManager.Core.Storage;
using StackExchange.Redis;

namespace JobManager.Core.Dispatch;

/// <summary>
/// Refills the queued instants of cron and at jobs, which a claim asks for when they run low: Lua cannot
/// evaluate cron, so a dispatcher computes them and this store lands them.
/// </summary>
public sealed class RefillStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    /// <summary>Reads what a refill needs: the job's schedule text, catch-up window, time zone and bounds.</summary>
    public async Task<(string Schedule, int CatchupSeconds, JobCalendar Calendar)?> GetScheduleAsync(JobRef job)
    {
        var values = await redis.GetDatabase().HashGetAsync(keys.Job(job), ["schedule", "catchup_s", "tz", "start_ms", "end_ms"]);
        return values[0].IsNull
            ? null
            : ((string)values[0]!, (int)values[1], JobCalendarFields.Read(values[2], values[3], values[4]));
    }

    /// <summary>
    /// Lands computed instants for a cron or at job, as many as fit in its queue
    /// (<see cref="JobDefaults.QueuedOccurrences"/>; a later refill computes the rest again). False when
    /// the job changed meanwhile.
    /// </summary>
    public async Task<bool> RefillAsync(RefillRequest request, QueuedInstants instants)
    {
        var args = new List<RedisValue>
        {
            request.Job.WheelMember, request.Gen, request.TailMs?.ToString(CultureInfo.InvariantCulture) ?? "",
            instants.IsComplete ? "1" : "0", instants.Skipped, JobDefaults.QueuedOccurrences,
        };
        args.AddRange(instants.InstantsMs.Select(i => (RedisValue)InstantQueue.Encode(i)));
        var result = await redis.GetDatabase().ScriptEvaluateAsync(LuaScripts.RefillQueue,
            [keys.Job(request.Job), keys.Due(request.Shard)], [.. args]);
        return (int)result == 1;
    }
}
