using JobManager.Client.Resources;

namespace JobManager.Cli.Apply;

/// <summary>
/// A job's definition with every default filled in, so a file that leaves a field out and a job that has the
/// default compare equal: applying the same file twice sends nothing the second time.
/// </summary>
public sealed record DesiredJob(
    string Schedule, string InvocationTarget, bool Async, bool Enabled, bool Exclusive, string InvocationType,
    string? Payload, int TtlSeconds, int CatchupWindowSeconds)
{
    // The Api's defaults (README, Job fields).
    private const int DefaultTtlSeconds = 300;
    private const int DefaultCatchupWindowSeconds = 60;
    private const string DefaultInvocationType = "http";

    public static DesiredJob From(JobSpec spec) => new(
        spec.Schedule!.Trim(), spec.InvocationTarget!.Trim(), spec.Async ?? true, spec.Enabled ?? true, spec.Exclusive ?? false,
        spec.InvocationType ?? DefaultInvocationType, spec.Payload, spec.TtlSeconds ?? DefaultTtlSeconds,
        spec.CatchupWindowSeconds ?? DefaultCatchupWindowSeconds);

    public static DesiredJob From(Job job) => new(
        job.Schedule.Trim(), job.InvocationTarget, job.Async, job.Enabled, job.Exclusive, job.InvocationType, job.Payload,
        job.TtlSeconds, job.CatchupWindowSeconds);

    public JobDefinition ToDefinition() => new(Schedule, InvocationTarget)
    {
        Async = Async, Enabled = Enabled, Exclusive = Exclusive, InvocationType = InvocationType, Payload = Payload,
        TtlSeconds = TtlSeconds, CatchupWindowSeconds = CatchupWindowSeconds,
    };

    /// <summary>The fields that differ, in the Api's spelling, with the current and the wanted value.</summary>
    public IEnumerable<(string Field, string? From, string? To)> Differences(DesiredJob wanted)
    {
        (string, string?, string?)[] fields =
        [
            ("schedule", Schedule, wanted.Schedule),
            ("invocation_target", InvocationTarget, wanted.InvocationTarget),
            ("async", Text(Async), Text(wanted.Async)),
            ("enabled", Text(Enabled), Text(wanted.Enabled)),
            ("exclusive", Text(Exclusive), Text(wanted.Exclusive)),
            ("invocation_type", InvocationType, wanted.InvocationType),
            ("payload", Payload, wanted.Payload),
            ("ttl_seconds", Text(TtlSeconds), Text(wanted.TtlSeconds)),
            ("catchup_window_seconds", Text(CatchupWindowSeconds), Text(wanted.CatchupWindowSeconds)),
        ];
        return fields.Where(f => f.Item2 != f.Item3);
    }

    private static string Text(bool value) => value ? "true" : "false";

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
