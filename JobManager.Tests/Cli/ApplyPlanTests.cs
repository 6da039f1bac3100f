using JobManager.Cli;
using JobManager.Cli.Apply;
using JobManager.Client.Resources;

namespace JobManager.Tests.Cli;

/// <summary>How <c>jm apply</c> reads a jobs file and decides what to change, without an Api.</summary>
public sealed class ApplyPlanTests
{
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeSeconds(1_796_000_000);

    private static Job Existing(string name, string schedule = "rate(1 hour)", int ttl = 300, string? payload = null) =>
        new("svc", name, true, true, false, "https://svc.example/run", "http", payload, schedule, ttl, 60, Time, Time, null, null);

    private static Dictionary<string, DesiredJob> Wanted(string yaml) =>
        (JobsFile.Parse(yaml, "test.yaml").Jobs ?? []).ToDictionary(j => j.Key, j => DesiredJob.From(j.Value));

    [Fact]
    public void AFileThatLeavesDefaultsOut_EqualsTheJobWithTheDefaults()
    {
        var wanted = Wanted("jobs:\n  a:\n    schedule: ' rate(1 hour) '\n    invocation_target: https://svc.example/run\n");
        var plan = ApplyPlan.Compute(wanted, [Existing("a")], prune: false);
        Assert.Empty(plan.Changes);
        Assert.Equal(["a"], plan.Unchanged);
    }

    [Fact]
    public void ChangedFields_AreListed_CurrentThenWanted()
    {
        var wanted = Wanted(
            "jobs:\n  a:\n    schedule: rate(2 hours)\n    invocation_target: https://svc.example/run\n    ttl_seconds: 600\n");
        var change = Assert.Single(ApplyPlan.Compute(wanted, [Existing("a")], prune: false).Changes);
        Assert.Equal(ChangeKind.Update, change.Kind);
        Assert.Equal([("schedule", "rate(1 hour)", "rate(2 hours)"), ("ttl_seconds", "300", "600")], change.Differences);
    }

    [Fact]
    public void JobsNotInTheFile_AreDeletedOnlyWithPrune()
    {
        var wanted = Wanted("jobs: {}\n");
        Assert.Equal(["b"], ApplyPlan.Compute(wanted, [Existing("b")], prune: false).NotInFile);
        var change = Assert.Single(ApplyPlan.Compute(wanted, [Existing("b")], prune: true).Changes);
        Assert.Equal((ChangeKind.Delete, "b"), (change.Kind, change.Job));
    }

    [Theory]
    [InlineData("jobs:\n  a:\n    schedule: rate(1 hour)\n", "invocation_target")]
    [InlineData("jobs:\n  a:\n    schedule: rate(1 hour)\n    invocation_target: https://x\n    ttl: 5\n", "ttl")]
    [InlineData("jobs:\n  a:\n", "no fields")]
    [InlineData("jobs: [\n", "test.yaml")]
    public void AnInvalidFile_IsAUsageError_SayingWhy(string yaml, string expected)
    {
        var error = Assert.Throws<UsageException>(() => JobsFile.Parse(yaml, "test.yaml"));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AFileWithoutTheNewFields_EqualsAJobWithTheirDefaults_AndLeavesAnAutoPauseReasonAlone()
    {
        var wanted = Wanted("jobs:\n  a:\n    schedule: rate(1 hour)\n    invocation_target: https://svc.example/run\n"
            + "    enabled: false\n");
        var paused = Existing("a") with { Enabled = false, PausedReason = "paused after 3 consecutive failures" };

        Assert.Equal(["a"], ApplyPlan.Compute(wanted, [paused], prune: false).Unchanged);
    }

    [Fact]
    public void AZoneOrWindowThatDiffers_IsAnUpdateOfThatField()
    {
        var wanted = Wanted("jobs:\n  a:\n    schedule: rate(1 hour)\n    invocation_target: https://svc.example/run\n"
            + "    timezone: Europe/Berlin\n    flexible_window_seconds: 60\n    end_time: 2030-01-01T01:00:00+01:00\n");

        var change = Assert.Single(ApplyPlan.Compute(wanted, [Existing("a")], prune: false).Changes);

        Assert.Equal([("timezone", "UTC", "Europe/Berlin"), ("end_time", null, "2030-01-01T00:00:00.000Z"),
            ("flexible_window_seconds", "0", "60")], change.Differences);
    }
}
