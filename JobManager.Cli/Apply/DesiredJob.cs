using System.Globalization;
using JobManager.Client.Resources;

namespace JobManager.Cli.Apply;

/// <summary>
/// A job's definition with every default filled in, so a file that leaves a field out and a job that has the
/// default compare equal: applying the same file twice sends nothing the second time. <see cref="PausedReason"/>
/// is the exception: left out (null), it is not compared, because a PUT without it keeps the stored reason of a
/// disabled job (an auto-paused one's, say) and enabling clears it.
/// </summary>
public sealed record DesiredJob(
    string Schedule, string InvocationTarget, bool Async, bool Enabled, bool Exclusive, string InvocationType,
    string? Payload, int TtlSeconds, int CatchupWindowSeconds)
{
    // The Api's defaults (README, Job fields).
    private const int DefaultTtlSeconds = 300;
    private const int DefaultCatchupWindowSeconds = 60;
    private const string DefaultInvocationType = "http";
    private const string DefaultTimezone = "UTC";

    public string Timezone { get; init; } = DefaultTimezone;
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public int FlexibleWindowSeconds { get; init; }
    public string? PausedReason { get; init; }
    public int PauseAfterFailures { get; init; }

    public static DesiredJob From(JobSpec spec) => new(
        spec.Schedule!.Trim(), spec.InvocationTarget!.Trim(), spec.Async ?? true, spec.Enabled ?? true, spec.Exclusive ?? false,
        spec.InvocationType ?? DefaultInvocationType, spec.Payload, spec.TtlSeconds ?? DefaultTtlSeconds,
        spec.CatchupWindowSeconds ?? DefaultCatchupWindowSeconds)
    {
        Timezone = string.IsNullOrWhiteSpace(spec.Timezone) ? DefaultTimezone : spec.Timezone.Trim(),
        StartTime = JobsFile.Instant(spec.StartTime),
        EndTime = JobsFile.Instant(spec.EndTime),
        FlexibleWindowSeconds = spec.FlexibleWindowSeconds ?? 0,
        // The Api clears the reason of an enabled job: wanting one there could never be met.
        PausedReason = spec.Enabled == false ? spec.PausedReason : null,
        PauseAfterFailures = spec.PauseAfterFailures ?? 0,
    };

    public static DesiredJob From(Job job) => new(
        job.Schedule.Trim(), job.InvocationTarget, job.Async, job.Enabled, job.Exclusive, job.InvocationType, job.Payload,
        job.TtlSeconds, job.CatchupWindowSeconds)
    {
        Timezone = job.Timezone, StartTime = job.StartTime, EndTime = job.EndTime, FlexibleWindowSeconds = job.FlexibleWindowSeconds,
        PausedReason = job.PausedReason, PauseAfterFailures = job.PauseAfterFailures,
    };

    public JobDefinition ToDefinition() => new(Schedule, InvocationTarget)
    {
        Async = Async, Enabled = Enabled, Exclusive = Exclusive, InvocationType = InvocationType, Payload = Payload,
        TtlSeconds = TtlSeconds, CatchupWindowSeconds = CatchupWindowSeconds, Timezone = Timezone, StartTime = StartTime,
        EndTime = EndTime, FlexibleWindowSeconds = FlexibleWindowSeconds, PausedReason = PausedReason,
        PauseAfterFailures = PauseAfterFailures,
    };

    /// <summary>Every field in the Api's spelling, with its value as the diff shows it.</summary>
    public IEnumerable<(string Field, string? Value)> Fields() =>
    [
        ("schedule", Schedule),
        ("invocation_target", InvocationTarget),
        ("async", Text(Async)),
        ("enabled", Text(Enabled)),
        ("exclusive", Text(Exclusive)),
        ("invocation_type", InvocationType),
        ("payload", Payload),
        ("ttl_seconds", Text(TtlSeconds)),
        ("catchup_window_seconds", Text(CatchupWindowSeconds)),
        ("timezone", Timezone),
        ("start_time", Text(StartTime)),
        ("end_time", Text(EndTime)),
        ("flexible_window_seconds", Text(FlexibleWindowSeconds)),
        ("paused_reason", PausedReason),
        ("pause_after_failures", Text(PauseAfterFailures)),
    ];

    /// <summary>The fields that differ, in the Api's spelling, with the current and the wanted value.</summary>
    public IEnumerable<(string Field, string? From, string? To)> Differences(DesiredJob wanted) =>
        Fields().Zip(wanted.Fields(), (now, want) => (now.Field, From: now.Value, To: want.Value))
            .Where(f => f.From != f.To && !(f.Field == "paused_reason" && f.To is null));

    private static string Text(bool value) => value ? "true" : "false";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    // The Api keeps instants to the millisecond and answers them in UTC.
    private static string? Text(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
