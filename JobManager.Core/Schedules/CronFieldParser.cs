using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace JobManager.Core.Schedules;

/// <summary>
/// Expands the plain syntax of one cron field, values joined by <c>,</c> <c>-</c> <c>*</c> <c>/</c>, into the set
/// of values it stands for, in the field's own numbering. Special forms (<c>L</c>, <c>W</c>, <c>#</c>, <c>?</c>)
/// are the caller's business.
/// </summary>
/// <remarks>
/// Expanding here, rather than passing the syntax through to Cronos, is what makes the day-of-week translation
/// exact: Cronos reads <c>1/2</c> as 1, 3, 5, 7 and its 7 is Sunday, so AWS <c>2/2</c> (MON, WED, FRI) shifted
/// by one would gain Sundays.
/// </remarks>
internal static class CronFieldParser
{
    /// <summary>
    /// Parses <paramref name="text"/>: <c>*</c>, <c>a</c>, <c>a-b</c>, <c>*/n</c>, <c>a/n</c> (a to the end, every
    /// n), <c>a-b/n</c>, and lists of these. Values may be names where the field has them. The result is a flag
    /// per value of the field, <c>values[v - field.Min]</c>: flags, not a sorted set, because every cron
    /// expression's year field is usually <c>*</c>, 230 values.
    /// </summary>
    public static bool TryParse(
        CronField field,
        string text,
        [NotNullWhen(true)] out bool[]? values,
        [NotNullWhen(false)] out string? error)
    {
        values = new bool[field.Span];
        foreach (var item in text.Split(','))
        {
            if (!TryAddItem(field, text, item, values, out error))
            {
                values = null;
                return false;
            }
        }

        error = null;
        return true;
    }

    /// <summary>
    /// Parses one value, a number or a name, checking it is in range. <paramref name="fieldText"/> is the whole
    /// field, quoted in the error when <paramref name="token"/> is neither a number nor a name.
    /// </summary>
    public static bool TryParseValue(
        CronField field,
        string fieldText,
        string token,
        out int value,
        [NotNullWhen(false)] out string? error)
    {
        value = 0;
        if (token.Length > 0 && token.All(char.IsAsciiDigit))
        {
            // Too many digits for an int is still just a number out of range, e.g. minutes 99999999999.
            if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out value)
                || value < field.Min || value > field.Max)
            {
                error = $"{field.Name}: {token.TrimStart('0').PadLeft(1, '0')} is out of range {field.Range}";
                return false;
            }

            error = null;
            return true;
        }

        var index = field.ValueNames is null ? -1 : Array.IndexOf(field.ValueNames, token);
        if (index < 0)
        {
            error = Invalid(field, fieldText);
            return false;
        }

        value = field.Min + index;
        error = null;
        return true;
    }

    /// <summary>The error for text that is not valid syntax for <paramref name="field"/>.</summary>
    public static string Invalid(CronField field, string fieldText)
        => $"{field.Name}: '{fieldText}' is not valid ({field.Hint})";

    private static bool TryAddItem(
        CronField field, string text, string item, bool[] values, [NotNullWhen(false)] out string? error)
    {
        var slash = item.IndexOf('/', StringComparison.Ordinal);
        var rangeText = slash < 0 ? item : item[..slash];
        var step = 1;
        if (slash >= 0 && !TryParseStep(field, text, item[(slash + 1)..], out step, out error))
        {
            return false;
        }

        int start, end;
        if (rangeText == "*")
        {
            (start, end) = (field.Min, field.Max);
        }
        else if (rangeText.IndexOf('-', StringComparison.Ordinal) is var dash and >= 0)
        {
            if (!TryParseValue(field, text, rangeText[..dash], out start, out error)
                || !TryParseValue(field, text, rangeText[(dash + 1)..], out end, out error))
            {
                return false;
            }
        }
        else
        {
            if (!TryParseValue(field, text, rangeText, out start, out error))
            {
                return false;
            }

            // AWS "1/10" in minutes: from 1 to the end of the field, every 10th (1, 11, 21, ...).
            end = slash < 0 ? start : field.Max;
        }

        if (end < start && !field.RangesMayWrap)
        {
            error = $"{field.Name}: range {start}-{end} runs backwards";
            return false;
        }

        // A wrapping range counts on past Max back to Min: hours 22-2 is 22, 23, 0, 1, 2.
        var distance = end >= start ? end - start : end - start + field.Span;
        for (var offset = 0; offset <= distance; offset += step)
        {
            values[(start - field.Min + offset) % field.Span] = true;
        }

        error = null;
        return true;
    }

    private static bool TryParseStep(
        CronField field, string text, string token, out int step, [NotNullWhen(false)] out string? error)
    {
        step = 0;
        if (token.Length == 0 || !token.All(char.IsAsciiDigit))
        {
            error = Invalid(field, text);
            return false;
        }

        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out step)
            || step < 1 || step > field.Span)
        {
            error = $"{field.Name}: step {token.TrimStart('0').PadLeft(1, '0')} is out of range 1-{field.Span}";
            return false;
        }

        error = null;
        return true;
    }
}
