using JobManager.Core.Dispatch;
using JobManager.Core.Jobs;
using JobManager.Core.Schedules;
using JobManager.Dispatcher.Clock;
using JobManager.Dispatcher.Configuration;
using JobManager.Dispatcher.Telemetry;
using Microsoft.Extensions.Options;

namespace JobManager.Dispatcher.TimeWheel;

/// <summary>
/// Computes the next instants of cron and at jobs whose queue runs low (Lua cannot evaluate cron) and
/// lands them with a script that refuses them if the job changed or another dispatcher refilled first.
/// </summary>
public sealed class ScheduleRefiller(
    RefillStore store, RedisClock clock, WakeSignal wake, DispatcherMetrics metrics, IOptions<DispatcherOptions> options,
    ILogger<ScheduleRefiller> logger)
{
    public async Task RefillAsync(RefillRequest request)
    {
        if (await store.GetScheduleAsync(request.Job) is not { } job)
        {
            return;
        }
        if (!ScheduleExpression.TryParse(job.Schedule, out var schedule, out var error))
        {
            Log.UnparsableSchedule(logger, request.Job, error);
            return;
        }
        // A zone this host's tzdata lacks (an image without /usr/share/zoneinfo): logged, not a crashed loop.
        if (!ScheduleZone.TryFind(job.Calendar.TimeZoneId, out _, out var zoneError))
        {
            Log.UnparsableSchedule(logger, request.Job, zoneError);
            return;
        }
        var nowMs = clock.NowMs;
        // Instants older than the catch-up window would only be counted as missed by the claim, one
        // refill at a time; skip and count them here instead.
        var notAfterMs = nowMs - job.CatchupSeconds * 1000L - options.Value.MissedRunGraceSeconds * 1000L;
        var instants = ScheduleQueue.Refill(schedule, request.Job, request.TailMs ?? nowMs, notAfterMs, JobDefaults.QueuedOccurrences, job.Calendar);
        if (await store.RefillAsync(request, instants))
        {
            if (instants.Skipped > 0)
            {
                Log.MissedInstants(logger, request.Job, instants.Skipped);
                metrics.Missed(request.Job, instants.Skipped);
            }
            if (instants.InstantsMs.Count > 0)
            {
                wake.Request(instants.InstantsMs[0]);
            }
        }
    }
}
