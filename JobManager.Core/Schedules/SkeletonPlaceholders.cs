using System.Diagnostics.CodeAnalysis;

namespace JobManager.Core.Schedules;

// DELETE THIS FILE when merging the `schedules` branch. The skeleton's ScheduleExpression.cs names
// ScheduleParser and RatePhase, which that branch writes; these stand-ins only let the `apphost` branch
// compile. After the merge they would clash with the real types (CS0101), which is the signal to delete.

internal static class ScheduleParser
{
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out ScheduleExpression? schedule,
        [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        error = "Schedule parsing is not implemented on this branch.";
        return false;
    }
}

internal static class RatePhase;
