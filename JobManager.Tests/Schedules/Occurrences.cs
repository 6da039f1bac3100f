using System.Globalization;
using JobManager.Core.Schedules;

namespace JobManager.Tests.Schedules;

/// <summary>
/// Lets a test row read like a calendar: the expected occurrences as <c>2026-11-26T10:00:00Z ...</c>, with
/// <see cref="End"/> where the schedule has none left.
/// </summary>
internal static class Occurrences
{
    /// <summary>Written where <see cref="ScheduleExpression.GetNextOccurrence(DateTimeOffset, long)"/> returns null.</summary>
    public const string End = "end";

    /// <summary>Thursday 26 November 2026, 09:30 UTC: the clock most rows start from.</summary>
    public const string Thursday0930 = "2026-11-26T09:30:00Z";

    public static ScheduleExpression Parse(string text)
    {
        Assert.True(ScheduleExpression.TryParse(text, out var schedule, out var error), error);
        return schedule;
    }

    public static DateTimeOffset Instant(string utc)
        => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>
    /// As many occurrences after <paramref name="after"/> as <paramref name="expected"/> lists, each from the
    /// one before, formatted like it, so a row compares as one string.
    /// </summary>
    public static string Next(string schedule, string after, string expected, long phaseSeconds = 0)
        => Next(Parse(schedule), Instant(after), expected.Split(' ').Length, phaseSeconds);

    public static string Next(ScheduleExpression schedule, DateTimeOffset after, int count, long phaseSeconds = 0)
    {
        var found = new List<string>();
        var cursor = after;
        while (found.Count < count)
        {
            if (schedule.GetNextOccurrence(cursor, phaseSeconds) is not { } next)
            {
                found.Add(End);
                break;
            }

            // Every occurrence, of every kind, is a whole second in UTC, strictly after the cursor.
            Assert.True(next > cursor, $"{ScheduleTime.Format(next)} is not after {cursor:O}");
            Assert.Equal(TimeSpan.Zero, next.Offset);
            Assert.Equal(0, next.UtcTicks % TimeSpan.TicksPerSecond);
            found.Add(ScheduleTime.Format(next));
            cursor = next;
        }

        return string.Join(' ', found);
    }
}
