using System.Text;

namespace JobManager.Core.Schedules;

/// <summary>
/// <c>flexible_window_seconds</c> (EventBridge Scheduler's flexible time window): each instant fires at its
/// scheduled time plus an offset in [0, window) that is deterministic per job and instant, so jobs due at
/// the same moment spread over the window instead of landing at once. The same function runs in Lua
/// (<c>flex_offset.lua</c>), which puts instants on the wheel: keep the two identical.
/// </summary>
public static class FlexibleWindow
{
    public const int MaxSeconds = 3600;

    private const long Prime = 2_147_483_647;

    /// <summary>The offset, in whole seconds as ms, of the instant <paramref name="instantMs"/> of job <paramref name="wheelMember"/>.</summary>
    public static long OffsetMs(string wheelMember, long instantMs, int windowSeconds)
    {
        if (windowSeconds <= 0)
        {
            return 0;
        }
        long h = 0;
        foreach (var b in Encoding.UTF8.GetBytes(wheelMember))
        {
            h = (h * 31 + b) % Prime;
        }
        // Instants are after 1970, so integer division is the floor Lua takes.
        h = (h * 65599 + instantMs / 1000 % Prime) % Prime;
        h = h * 48271 % Prime;
        h = h * 48271 % Prime;
        return h % windowSeconds * 1000;
    }
}
