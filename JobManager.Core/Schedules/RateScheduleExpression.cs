using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace JobManager.Core.Schedules;

/// <summary>
/// <c>rate(N unit)</c>: every N seconds, minutes, hours or days. Occurrences are the whole Unix seconds
/// <c>t</c> with <c>(t - phase) mod PeriodSeconds == 0</c>, so they do not drift with when the job was
/// created or last ran, and the phase (see <see cref="RatePhase"/>) spreads jobs over the period.
/// </summary>
/// <remarks>
/// Units are <c>second</c>, <c>minute</c>, <c>hour</c> and <c>day</c>, each singular or plural. AWS accepts
/// only <c>rate(1 hour)</c> and <c>rate(5 hours)</c>; we also accept <c>rate(1 hours)</c> and
/// <c>rate(5 hour)</c>, since they cannot mean anything else. Seconds are our extension. N is at most
/// ten years' worth of the unit.
/// </remarks>
public sealed class RateScheduleExpression : ScheduleExpression
{
    /// <summary>The longest period accepted: ten 365-day years.</summary>
    public const long MaxPeriodSeconds = 10L * 365 * 86_400;

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private RateScheduleExpression(string text, long periodSeconds)
        : base(text) => PeriodSeconds = periodSeconds;

    /// <inheritdoc />
    public override ScheduleKind Kind => ScheduleKind.Rate;

    /// <summary>The period in seconds, e.g. 300 for <c>rate(5 minutes)</c>.</summary>
    public long PeriodSeconds { get; }

    /// <summary>
    /// The first whole second strictly after <paramref name="after"/> that is congruent to
    /// <paramref name="phaseSeconds"/> modulo <see cref="PeriodSeconds"/>. Any phase is accepted and
    /// reduced modulo the period, so a negative phase or one longer than the period is still well defined.
    /// </summary>
    public override DateTimeOffset? GetNextOccurrence(DateTimeOffset after, long phaseSeconds)
    {
        var phase = Mod(phaseSeconds, PeriodSeconds);
        // Whole seconds only: 09:34:59.5 is after 09:34:59, so the answer is the first t > floor(after).
        var afterSeconds = after.ToUnixTimeSeconds();
        var periodsBeforeAfter = FloorDiv(afterSeconds - phase, PeriodSeconds);
        var next = phase + (periodsBeforeAfter + 1) * PeriodSeconds;
        return next > MaxUnixSeconds ? null : DateTimeOffset.FromUnixTimeSeconds(next);
    }

    internal static bool TryParse(
        string text,
        string body,
        [NotNullWhen(true)] out RateScheduleExpression? schedule,
        [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        var parts = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            error = $"rate: expected rate(N unit), e.g. rate(5 minutes), got rate({body})";
            return false;
        }

        var (value, unit) = (parts[0], parts[1]);
        if (!value.All(char.IsAsciiDigit) || value.All(c => c == '0'))
        {
            error = $"rate: value must be a whole number ≥ 1, got '{value}'";
            return false;
        }

        if (!TryGetUnitSeconds(unit, out var unitSeconds, out var unitName))
        {
            error = $"rate: unknown unit '{unit}' (use seconds, minutes, hours or days)";
            return false;
        }

        var maxValue = MaxPeriodSeconds / unitSeconds;
        // Digits alone can overflow a long ("rate(99999999999999999999 days)"); that is over the limit too.
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > maxValue)
        {
            error = $"rate: {value} {unitName} is longer than the 10-year limit ({maxValue} {unitName})";
            return false;
        }

        schedule = new RateScheduleExpression(text, n * unitSeconds);
        error = null;
        return true;
    }

    private static bool TryGetUnitSeconds(string unit, out long seconds, out string pluralName)
    {
        (seconds, pluralName) = unit switch
        {
            "second" or "seconds" => (1L, "seconds"),
            "minute" or "minutes" => (60L, "minutes"),
            "hour" or "hours" => (3_600L, "hours"),
            "day" or "days" => (86_400L, "days"),
            _ => (0L, ""),
        };
        return seconds > 0;
    }

    private static long Mod(long value, long modulus) => ((value % modulus) + modulus) % modulus;

    private static long FloorDiv(long value, long divisor)
        => value / divisor - (value % divisor < 0 ? 1 : 0);
}
