namespace JobManager.Client.Resources;

/// <summary>
/// The next instants of a schedule expression (<c>GET /schedules/next</c>). <see cref="Timezone"/> is the zone
/// the Api computed them in, when it says so; today's Api has no zones and leaves it out (the times are UTC).
/// </summary>
public sealed record SchedulePreview(string Expression, IReadOnlyList<DateTimeOffset> Times, string? Timezone = null);

/// <summary>What to preview; only the expression is required.</summary>
public sealed record ScheduleQuery(string Expression)
{
    /// <summary>How many instants (1-100; the Api's default is 10).</summary>
    public int? Count { get; init; }
    public DateTimeOffset? After { get; init; }
    /// <summary>With <see cref="Job"/>: the rate phase of that job.</summary>
    public string? Service { get; init; }
    public string? Job { get; init; }
    /// <summary>An IANA time zone, sent as <c>timezone</c> (for Apis that support zoned schedules).</summary>
    public string? Timezone { get; init; }
}
