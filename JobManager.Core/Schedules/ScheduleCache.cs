using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace JobManager.Core.Schedules;

/// <summary>
/// Parsed schedules by their text. Most jobs share a few expressions (every PUT of a
/// <c>cron(0 12 * * ? *)</c> job parses the same six fields), and a parsed schedule is immutable, so
/// one instance serves every job and thread. Bounded: when full it starts over, so a client sending
/// endless distinct expressions costs parses, never memory.
/// </summary>
internal sealed class ScheduleCache(int capacity)
{
    /// <summary>The process's cache, behind <see cref="ScheduleExpression.TryParse"/>: far more distinct expressions than a deployment
    /// uses.</summary>
    public static readonly ScheduleCache Shared = new(4096);

    private readonly ConcurrentDictionary<string, ScheduleExpression> _parsed = new(StringComparer.Ordinal);

    /// <summary>How many expressions are kept now.</summary>
    public int Count => _parsed.Count;

    public bool TryParse(
        string? text,
        [NotNullWhen(true)] out ScheduleExpression? schedule,
        [NotNullWhen(false)] out string? error)
    {
        if (text is not null && _parsed.TryGetValue(text, out schedule))
        {
            error = null;
            return true;
        }
        if (!ScheduleParser.TryParse(text, out schedule, out error))
        {
            // Not kept: mistakes are rare, and their messages are cheap to rebuild.
            return false;
        }
        if (_parsed.Count >= capacity)
        {
            _parsed.Clear();
        }
        _parsed.TryAdd(text!, schedule);
        return true;
    }
}
