using System.Globalization;

namespace JobManager.Core.Storage;

/// <summary>
/// The job hash's <c>queue</c> field: a cron or at job's queued instants, each as its Unix seconds in base
/// 36, comma-separated (2026-11-28T14:29:00Z is <c>tp7uwc</c>; Lua reads one with <c>tonumber(v, 36)</c>).
/// Occurrences are whole seconds, so nothing is lost. Eight instants, the most a queue holds
/// (<see cref="Jobs.JobDefaults.QueuedOccurrences"/>), take at most 63 characters until the year 4453:
/// within Redis's <c>hash-max-listpack-value</c> (64), past which the whole job hash would be stored as a
/// hashtable, three times the memory (8 instants as decimal milliseconds took 111 characters).
/// </summary>
internal static class InstantQueue
{
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>One instant as the queue stores it.</summary>
    public static string Encode(long instantMs)
    {
        if (instantMs < 0 || instantMs % 1000 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(instantMs), instantMs, "Queued instants are whole seconds after 1970.");
        }
        Span<char> buffer = stackalloc char[16];
        var seconds = instantMs / 1000;
        var start = buffer.Length;
        do
        {
            buffer[--start] = Digits[(int)(seconds % 36)];
            seconds /= 36;
        }
        while (seconds > 0);
        return new string(buffer[start..]);
    }

    public static string Format(IEnumerable<long> instantsMs) => string.Join(',', instantsMs.Select(Encode));

    public static IReadOnlyList<long> Parse(string? stored)
    {
        var instants = new List<long>();
        foreach (var item in (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            long seconds = 0;
            foreach (var c in item)
            {
                var digit = Digits.IndexOf(c, StringComparison.Ordinal);
                if (digit < 0)
                {
                    throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{item}' is not a queued instant."));
                }
                seconds = seconds * 36 + digit;
            }
            instants.Add(seconds * 1000);
        }
        return instants;
    }
}
