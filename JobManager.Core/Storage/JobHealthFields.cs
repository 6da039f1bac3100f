using System.Globalization;
using JobManager.Core.Jobs;

namespace JobManager.Core.Storage;

/// <summary>
/// Reads the health fields job_health.lua writes on a job hash: <c>hi</c> (last execution id), <c>hx</c>
/// (<c>status|reason|scheduled_ms|finished ms after it</c>), <c>hs</c> (last success, Unix ms), <c>hf</c>
/// (consecutive failures, absent for 0). Short names and split values keep the hash a listpack.
/// </summary>
internal static class JobHealthFields
{
    public const string LastId = "hi";
    public const string Last = "hx";
    public const string LastSuccessMs = "hs";
    public const string Failures = "hf";

    public static JobHealth Read(string? lastId, string? last, long? lastSuccessMs, long? failures)
    {
        LastExecution? lastExecution = null;
        if (lastId is not null && last?.Split('|') is [var status, var reason, var scheduled, var finishedAfter])
        {
            var scheduledMs = long.Parse(scheduled, CultureInfo.InvariantCulture);
            lastExecution = new LastExecution(lastId, status, reason.Length == 0 ? null : reason, scheduledMs,
                scheduledMs + long.Parse(finishedAfter, CultureInfo.InvariantCulture));
        }
        return new JobHealth(lastExecution, lastSuccessMs, (int)(failures ?? 0));
    }

    public static JobHealth Read(RedisHash hash) =>
        Read(hash.String(LastId), hash.String(Last), hash.Long(LastSuccessMs), hash.Long(Failures));
}
