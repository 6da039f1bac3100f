using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace JobManager.Core.Schedules;

/// <summary>
/// Translates AWS day-of-month and day-of-week fields, with their special forms, to Cronos. Each special form
/// stands alone in its field, as AWS requires for <c>#</c> ("3#1,6#3" is two expressions and invalid).
/// </summary>
internal static class AwsCronDayFields
{
    private const int MaxNthWeekday = 5;

    /// <summary>
    /// <c>?</c> (any day: Cronos <c>*</c>), <c>L</c> (last day of the month), <c>LW</c> (last weekday of the
    /// month), <c>nW</c> (the weekday nearest day n, never crossing into another month: <c>1W</c> on a Saturday
    /// the 1st is Monday the 3rd) or a plain field. Cronos's numbering of days of the month is AWS's.
    /// </summary>
    public static bool TryTranslateDayOfMonth(
        string text,
        [NotNullWhen(true)] out string? cronos,
        [NotNullWhen(false)] out string? error)
    {
        var field = CronField.DayOfMonth;
        cronos = null;
        switch (text)
        {
            case "?":
                (cronos, error) = ("*", null);
                return true;
            case "L" or "LW":
                (cronos, error) = (text, null);
                return true;
            case [.. var day, 'W'] when day.Length > 0 && day.All(char.IsAsciiDigit):
                if (!CronFieldParser.TryParseValue(field, text, day, out var value, out error))
                {
                    return false;
                }

                cronos = $"{value}W";
                return true;
            default:
                return AwsCronTranslator.TryTranslatePlain(field, text, out cronos, out error);
        }
    }

    /// <summary>
    /// <c>?</c> (any day), <c>L</c> (the last day of the week: Saturday, as in Quartz), <c>nL</c> (the last
    /// day n of the month: <c>6L</c> is the last Friday), <c>n#k</c> (the k-th day n of the month, k 1-5:
    /// <c>2#1</c> is the first Monday; months without a 5th are skipped) or a plain field. Every day number n,
    /// 1-7 or SUN-SAT, becomes n - 1 for Cronos.
    /// </summary>
    public static bool TryTranslateDayOfWeek(
        string text,
        [NotNullWhen(true)] out string? cronos,
        [NotNullWhen(false)] out string? error)
    {
        var field = CronField.DayOfWeek;
        cronos = null;
        if (text == "?")
        {
            (cronos, error) = ("*", null);
            return true;
        }

        if (text == "L")
        {
            (cronos, error) = (ToCronos(7), null);
            return true;
        }

        // No day name contains an L, so a trailing L after a number or name is always "last".
        if (text is [.. var lastDay, 'L'] && !text.Contains(',', StringComparison.Ordinal))
        {
            if (!CronFieldParser.TryParseValue(field, text, lastDay, out var day, out error))
            {
                return false;
            }

            cronos = ToCronos(day) + "L";
            return true;
        }

        if (text.Contains('#', StringComparison.Ordinal))
        {
            return TryTranslateNth(text, out cronos, out error);
        }

        return AwsCronTranslator.TryTranslatePlain(field, text, out cronos, out error, shift: -1);
    }

    private static bool TryTranslateNth(
        string text,
        [NotNullWhen(true)] out string? cronos,
        [NotNullWhen(false)] out string? error)
    {
        var field = CronField.DayOfWeek;
        cronos = null;
        if (text.Contains(',', StringComparison.Ordinal))
        {
            error = $"{field.Name}: '{text}' combines # with other values; use one n#k per schedule, e.g. 6#3";
            return false;
        }

        var parts = text.Split('#');
        if (parts.Length != 2 || parts[1].Length == 0 || !parts[1].All(char.IsAsciiDigit))
        {
            error = CronFieldParser.Invalid(field, text);
            return false;
        }

        if (!CronFieldParser.TryParseValue(field, text, parts[0], out var day, out error))
        {
            return false;
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var nth)
            || nth < 1 || nth > MaxNthWeekday)
        {
            error = $"{field.Name}: #{parts[1].TrimStart('0').PadLeft(1, '0')} is out of range 1-{MaxNthWeekday}";
            return false;
        }

        cronos = $"{ToCronos(day)}#{nth}";
        return true;
    }

    /// <summary>AWS 1 (SUN) to 7 (SAT) as Cronos 0 (SUN) to 6 (SAT).</summary>
    private static string ToCronos(int awsDay) => (awsDay - 1).ToString(CultureInfo.InvariantCulture);
}
