namespace JobManager.Client.Resources;

/// <summary>
/// The next instants of a schedule expression (<c>GET /schedules/next</c>), always UTC. <see cref="Timezone"/> names
/// the zone the expression was read in (<c>UTC</c> unless the query or the job gave one).
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
    /// <summary>An IANA time zone, sent as <c>timezone</c>: the zone <c>cron(...)</c> and <c>at(...)</c> are read in.</summary>
    public string? Timezone { get; init; }
}
