using System.Diagnostics.CodeAnalysis;

namespace JobManager.Core.Schedules;

/// <summary>
/// Recognises the three schedule forms and hands the text inside the parentheses to the form's own parser.
/// </summary>
internal static class ScheduleParser
{
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out ScheduleExpression? schedule,
        [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "schedule is required";
            return false;
        }

        // Outer whitespace is forgiven: it is what a copy from a YAML file or a terminal tends to carry.
        var trimmed = text.Trim();
        var keyword = trimmed.StartsWith("cron(", StringComparison.Ordinal) ? "cron"
            : trimmed.StartsWith("rate(", StringComparison.Ordinal) ? "rate"
            : trimmed.StartsWith("at(", StringComparison.Ordinal) ? "at"
            : null;
        if (keyword is null)
        {
            error = "schedule must be cron(...), rate(...) or at(...)";
            return false;
        }

        // Tell the user about the parenthesis rather than about the form they clearly meant.
        if (!trimmed.EndsWith(')'))
        {
            error = $"{keyword}(...) must end with ')'";
            return false;
        }

        var body = trimmed[(keyword.Length + 1)..^1].Trim();
        bool parsed;
        switch (keyword)
        {
            case "cron":
                parsed = CronScheduleExpression.TryParse(trimmed, body, out var cron, out error);
                schedule = cron;
                break;
            case "rate":
                parsed = RateScheduleExpression.TryParse(trimmed, body, out var rate, out error);
                schedule = rate;
                break;
            default:
                parsed = AtScheduleExpression.TryParse(trimmed, body, out var at, out error);
                schedule = at;
                break;
        }

        return parsed;
    }
}
