using System.Globalization;

namespace JobManager.Core.Executions;

/// <summary>One try at delivering a webhook: when, and the HTTP status or the error it met.</summary>
public sealed record DeliveryAttempt(long AtMs, int? HttpStatus, string? Error)
{
    /// <summary>
    /// Stored one per line, <c>at|status|error</c>, so a script can append a dispatcher's attempts
    /// with plain string concatenation (no JSON library needed in Lua). <c>at</c> is in ms after
    /// <paramref name="originMs"/> (the execution's scheduled time): <c>1398|200|</c>, not 13 digits.
    /// </summary>
    public static string Format(IEnumerable<DeliveryAttempt> attempts, long originMs) =>
        string.Join('\n', attempts.Select(a =>
            $"{(a.AtMs - originMs).ToString(CultureInfo.InvariantCulture)}|{a.HttpStatus?.ToString(CultureInfo.InvariantCulture)}|" +
            $"{a.Error?.ReplaceLineEndings(" ").Replace('|', '/')}"));

    public static IReadOnlyList<DeliveryAttempt> Parse(string? stored, long originMs)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return [];
        }
        var attempts = new List<DeliveryAttempt>();
        foreach (var line in stored.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('|', 3);
            if (parts.Length == 3 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var at))
            {
                attempts.Add(new DeliveryAttempt(
                    originMs + at,
                    int.TryParse(parts[1], CultureInfo.InvariantCulture, out var status) ? status : null,
                    parts[2].Length == 0 ? null : parts[2]));
            }
        }
        return attempts;
    }
}
