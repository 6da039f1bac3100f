using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace JobManager.Cli.Apply;

/// <summary>
/// A jobs file (docs/cli.md): an optional <c>service</c> and a <c>jobs</c> mapping from job name to its
/// fields, spelled as in the Api (<c>invocation_target</c>, <c>ttl_seconds</c>). Unknown fields are refused.
/// </summary>
public sealed class JobsFile
{
    public string? Service { get; set; }

    public Dictionary<string, JobSpec>? Jobs { get; set; }

    public static JobsFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read {path}: {e.Message}");
        }
        return Parse(text, path);
    }

    public static JobsFile Parse(string text, string source)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        try
        {
            var file = deserializer.Deserialize<JobsFile?>(text) ?? new JobsFile();
            foreach (var (name, spec) in file.Jobs ?? [])
            {
                if (spec is null)
                {
                    throw new UsageException($"{source}: job '{name}' has no fields (schedule and invocation_target are required).");
                }
                if (string.IsNullOrWhiteSpace(spec.Schedule) || string.IsNullOrWhiteSpace(spec.InvocationTarget))
                {
                    throw new UsageException($"{source}: job '{name}' needs schedule and invocation_target.");
                }
                foreach (var (field, value) in new[] { ("start_time", spec.StartTime), ("end_time", spec.EndTime) })
                {
                    if (value is not null && !TryInstant(value, out _))
                    {
                        throw new UsageException($"{source}: job '{name}': {field} '{value}' is not an ISO 8601 instant.");
                    }
                }
            }
            return file;
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new UsageException($"{source} ({e.Start.Line}:{e.Start.Column}): {reason}");
        }
    }

    /// <summary>An instant of the file (<c>2027-01-01T00:00:00Z</c>; no offset means UTC), checked by <see cref="Parse"/>.</summary>
    internal static DateTimeOffset? Instant(string? text) => text is null ? null : TryInstant(text, out var instant) ? instant : null;

    private static bool TryInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
}

/// <summary>One job in a jobs file; a field left out takes the Api's default.</summary>
public sealed class JobSpec
{
    public string? Schedule { get; set; }
    public string? InvocationTarget { get; set; }
    public string? Payload { get; set; }
    public int? TtlSeconds { get; set; }
    public int? CatchupWindowSeconds { get; set; }
    public bool? Enabled { get; set; }
    public bool? Exclusive { get; set; }
    public bool? Async { get; set; }
    public string? InvocationType { get; set; }
    /// <summary>An IANA zone; left out, UTC.</summary>
    public string? Timezone { get; set; }
    /// <summary>ISO 8601 instants, kept as text so a bad one is reported with its job.</summary>
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
    public int? FlexibleWindowSeconds { get; set; }
    public string? PausedReason { get; set; }
    public int? PauseAfterFailures { get; set; }
}
