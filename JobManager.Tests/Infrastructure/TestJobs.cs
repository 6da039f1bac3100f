using JobManager.Core.Jobs;
using JobManager.Core.Schedules;

namespace JobManager.Tests.Infrastructure;

/// <summary>Job names no other test uses, and job definitions as a validated PUT would give them.</summary>
internal static class TestJobs
{
    public const string Target = "http://127.0.0.1:9/hooks/job";

    /// <summary>A service name of its own: <paramref name="hint"/> and 12 random hex digits (the rule allows 64 characters).</summary>
    public static string Service(string hint) => $"{hint}-{Guid.NewGuid():N}"[..(hint.Length + 13)];

    public static JobRef Job(string hint, string job = "job") => new(Service(hint), job);

    public static ScheduleExpression Schedule(string text)
    {
        Assert.True(ScheduleExpression.TryParse(text, out var schedule, out var error), error);
        return schedule;
    }

    public static JobDefinition Definition(
        string schedule = "rate(1 hour)",
        bool enabled = true,
        bool exclusive = false,
        int ttlSeconds = 300,
        int catchupSeconds = 3_600,
        string? payload = "{\"k\":1}",
        string target = Target) =>
        new(Async: true, enabled, exclusive, target, "http", payload, Schedule(schedule), ttlSeconds, catchupSeconds);
}
