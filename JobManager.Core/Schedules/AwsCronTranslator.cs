using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace JobManager.Core.Schedules;

/// <summary>
/// Validates the six fields of an AWS cron expression and translates the first five into a Cronos expression
/// (<see cref="Cronos.CronFormat.Standard"/>) that matches exactly the same minutes; the year becomes a
/// <see cref="CronYears"/> filter.
/// </summary>
/// <remarks>
/// Plain fields are expanded to explicit lists, so Cronos never interprets a range or step itself. Day-of-week
/// numbers move down by one (AWS 1 = SUN, Cronos 0 = SUN), in lists, ranges, steps, <c>nL</c> and <c>n#k</c>.
/// </remarks>
internal static class AwsCronTranslator
{
    public const string FieldCountError =
        "cron() needs 6 fields (Minutes Hours Day-of-month Month Day-of-week Year), got {0}";

    public static bool TryTranslate(
        string body,
        [NotNullWhen(true)] out string? cronosExpression,
        [NotNullWhen(true)] out CronYears? years,
        [NotNullWhen(false)] out string? error)
    {
        (cronosExpression, years) = (null, null);
        // Names and letters are case-insensitive, as in Quartz, whose syntax AWS follows: "mon-fri" is MON-FRI.
        var fields = body.ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            error = string.Format(CultureInfo.InvariantCulture, FieldCountError, fields.Length);
            return false;
        }

        // AWS rejects "*" in both (Unix cron users' habit) and "?" in both: exactly one says "any".
        if ((fields[2] == "?") == (fields[4] == "?"))
        {
            error = fields[2] == "?"
                ? "day-of-month and day-of-week: only one of them can be ?"
                : "day-of-month and day-of-week: one of them must be ?";
            return false;
        }

        if (!TryTranslatePlain(CronField.Minutes, fields[0], out var minutes, out error)
            || !TryTranslatePlain(CronField.Hours, fields[1], out var hours, out error)
            || !AwsCronDayFields.TryTranslateDayOfMonth(fields[2], out var dayOfMonth, out error)
            || !TryTranslatePlain(CronField.Month, fields[3], out var month, out error)
            || !AwsCronDayFields.TryTranslateDayOfWeek(fields[4], out var dayOfWeek, out error)
            || !TryParseYears(fields[5], out years, out error))
        {
            return false;
        }

        cronosExpression = $"{minutes} {hours} {dayOfMonth} {month} {dayOfWeek}";
        return true;
    }

    /// <summary>
    /// Translates a field with only <c>, - * /</c>: the explicit list of its values, shifted by
    /// <paramref name="shift"/>, or <c>*</c> when it has them all.
    /// </summary>
    internal static bool TryTranslatePlain(
        CronField field,
        string text,
        [NotNullWhen(true)] out string? cronos,
        [NotNullWhen(false)] out string? error,
        int shift = 0)
    {
        cronos = null;
        if (text == "?")
        {
            error = $"{field.Name}: ? is only allowed in day-of-month or day-of-week";
            return false;
        }

        if (!CronFieldParser.TryParse(field, text, out var values, out error))
        {
            return false;
        }

        cronos = Array.TrueForAll(values, set => set)
            ? "*"
            : string.Join(',', Enumerable.Range(field.Min, field.Span)
                .Where(v => values[v - field.Min])
                .Select(v => (v + shift).ToString(CultureInfo.InvariantCulture)));
        return true;
    }

    private static bool TryParseYears(
        string text,
        [NotNullWhen(true)] out CronYears? years,
        [NotNullWhen(false)] out string? error)
    {
        years = null;
        if (text == "?")
        {
            error = $"{CronField.Year.Name}: ? is only allowed in day-of-month or day-of-week";
            return false;
        }

        if (!CronFieldParser.TryParse(CronField.Year, text, out var values, out error))
        {
            return false;
        }

        years = new CronYears(values);
        return true;
    }
}
