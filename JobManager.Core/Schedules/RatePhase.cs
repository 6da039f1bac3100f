using System.IO.Hashing;
using System.Text;

namespace JobManager.Core.Schedules;

/// <summary>
/// The per-job offset of a <c>rate</c> schedule, so a thousand <c>rate(1 hour)</c> jobs spread over the hour
/// instead of all firing at :00.
/// </summary>
public static class RatePhase
{
    /// <summary>
    /// The phase, in whole seconds, of job <paramref name="job"/> of service <paramref name="service"/> for a
    /// period of <paramref name="periodSeconds"/>: the XXH64 hash (seed 0) of the UTF-8 bytes of
    /// <c>service + "/" + job</c>, read as an unsigned 64-bit integer, modulo <paramref name="periodSeconds"/>.
    /// The result is in <c>[0, periodSeconds)</c> and never changes for the same names and period, across
    /// processes, machines and releases. The job then runs at the Unix seconds <c>t</c> (seconds since
    /// 1970-01-01T00:00:00Z) with <c>t mod periodSeconds == phase</c>: for <c>rate(1 hour)</c> and phase 754
    /// that is 12 minutes 34 seconds past every hour (UTC); for <c>rate(1 day)</c>, the phase is the time of day
    /// in UTC.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periodSeconds"/> is less than 1.</exception>
    public static long For(string service, string job, long periodSeconds)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentOutOfRangeException.ThrowIfLessThan(periodSeconds, 1);

        // Not string.GetHashCode: that is randomised per process, and every dispatcher must agree.
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(service + "/" + job));
        return (long)(hash % (ulong)periodSeconds);
    }
}
