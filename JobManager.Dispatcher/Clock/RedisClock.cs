using JobManager.Core.Dispatch;

namespace JobManager.Dispatcher.Clock;

/// <summary>
/// Redis server time, estimated locally between syncs. Every due and deadline decision is made in
/// Redis time (the scripts read TIME themselves); this estimate only decides how long to sleep and
/// what latency a webhook reports, so a dispatcher whose own clock is off by minutes still fires on time.
/// </summary>
public sealed class RedisClock(WheelStore wheel, TimeProvider time)
{
    private static readonly TimeSpan SyncInterval = TimeSpan.FromSeconds(5);
    private long _offsetMs;
    private DateTimeOffset _lastSync = DateTimeOffset.MinValue;

    public long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds() + Interlocked.Read(ref _offsetMs);

    /// <summary>Refreshes the offset when it is older than a few seconds.</summary>
    public async Task SyncAsync()
    {
        var before = time.GetUtcNow();
        if (before - _lastSync < SyncInterval)
        {
            return;
        }
        var serverMs = await wheel.ServerNowMsAsync();
        var after = time.GetUtcNow();
        // Assume the server read its clock halfway through the round trip.
        var localMidMs = (before.ToUnixTimeMilliseconds() + after.ToUnixTimeMilliseconds()) / 2;
        Interlocked.Exchange(ref _offsetMs, serverMs - localMidMs);
        _lastSync = after;
    }
}
