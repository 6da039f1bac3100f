using System.IO.Hashing;
using System.Text;

namespace JobManager.Bench.Load;

/// <summary>
/// The product's documented phase of a <c>rate</c> job: XXH64 (seed 0) of the UTF-8 bytes of
/// <c>service + "/" + job</c>, modulo the period in seconds. The job fires at the Unix seconds t with
/// t mod period == phase. Computed here from the contract, not from the product's code, and checked
/// against the <c>next_scheduled_time_ms</c> the Api returns.
/// </summary>
public static class RatePhase
{
    public static long Of(string service, string job, long periodSeconds) =>
        (long)(XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(service + "/" + job)) % (ulong)periodSeconds);

    /// <summary>The job's instants (Unix ms) in [<paramref name="fromMs"/>, <paramref name="toMs"/>).</summary>
    public static IEnumerable<long> InstantsMs(long phase, long periodSeconds, long fromMs, long toMs)
    {
        var fromSeconds = (fromMs + 999) / 1000;
        var first = fromSeconds + Mod(phase - fromSeconds, periodSeconds);
        for (var t = first; t * 1000 < toMs; t += periodSeconds)
        {
            yield return t * 1000;
        }
    }

    public static long Mod(long value, long modulus) => ((value % modulus) + modulus) % modulus;
}
