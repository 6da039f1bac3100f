namespace JobManager.Core.Retries;

/// <summary>
/// Exponential backoff with jitter, the one curve of every retry in JobManager (reconnecting the dispatch
/// loop, arming reservations again, webhook retries): retry <c>n</c> (0 for the first) waits between half
/// and all of <c>min(First × 2ⁿ, Max)</c>. The random half spreads replicas that failed together (a Redis
/// restart seen by every dispatcher at once) instead of retrying in step.
/// </summary>
/// <param name="First">The ceiling of the first retry's wait.</param>
/// <param name="Max">The ceiling no retry's wait exceeds.</param>
public sealed record Backoff(TimeSpan First, TimeSpan Max)
{
    /// <summary>The longest wait before retry <paramref name="retry"/>: <c>min(First × 2ⁿ, Max)</c>.</summary>
    public TimeSpan Ceiling(int retry)
    {
        var ms = First.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry));
        return TimeSpan.FromMilliseconds(Math.Min(ms, Max.TotalMilliseconds));
    }

    /// <summary>The wait before retry <paramref name="retry"/>, at a random point of its upper half.</summary>
    public TimeSpan Delay(int retry) => Delay(retry, Random.Shared.NextDouble());

    /// <summary>The wait before retry <paramref name="retry"/> for <paramref name="jitter"/> in [0, 1).</summary>
    public TimeSpan Delay(int retry, double jitter)
    {
        var ceiling = Ceiling(retry);
        return ceiling / 2 + ceiling * (Math.Clamp(jitter, 0, 1) / 2);
    }
}
