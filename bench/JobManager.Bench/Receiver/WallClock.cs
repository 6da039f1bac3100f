using System.Diagnostics;

namespace JobManager.Bench.Receiver;

/// <summary>
/// Unix time in milliseconds with sub-millisecond steps: the system clock read once, advanced by the
/// monotonic Stopwatch, so an NTP step during a run cannot bend the measured lateness. The services
/// on this machine read the same system clock (through Redis TIME), so arrival − scheduled_time_ms
/// compares like with like.
/// </summary>
public static class WallClock
{
    private static readonly double StartUnixMs = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
    private static readonly long StartTimestamp = Stopwatch.GetTimestamp();

    public static double NowMs => StartUnixMs + Stopwatch.GetElapsedTime(StartTimestamp).TotalMilliseconds;

    public static DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds((long)NowMs);

    /// <summary>Waits until the wall clock reaches <paramref name="unixMs"/>.</summary>
    public static Task UntilAsync(double unixMs, CancellationToken cancellationToken)
    {
        var wait = unixMs - NowMs;
        return wait > 0 ? Task.Delay(TimeSpan.FromMilliseconds(wait), cancellationToken) : Task.CompletedTask;
    }
}
