using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Cli;

/// <summary><c>jm apply</c> against the real Api: creates, leaves equal jobs alone, updates, prunes.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ApplyTests(AppHostFixture fixture)
{
    private readonly CliRunner _jm = new(fixture);

    private string JobsFile(string service, string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{service}-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private string Target(string service, string job) => fixture.Receiver.UrlFor($"{service}/{job}");

    [Fact]
    public async Task Apply_CreatesTheFilesJobs_AndTheSameFileAgainChangesNothing()
    {
        var service = ApiClient.UniqueService("apply");
        var file = JobsFile(service, $$"""
            jobs:
              nightly:
                schedule: cron(0 2 * * ? *)
                invocation_target: {{Target(service, "nightly")}}
                payload: '{"region":"eu"}'
                ttl_seconds: 600
                enabled: false
              hourly:
                schedule: rate(1 hour)
                invocation_target: {{Target(service, "hourly")}}
                enabled: false
            """);

        var first = await _jm.RunAsync("apply", "-f", file, "--service", service);
        var created = await fixture.Client.GetJobAsync(service, "nightly");
        var second = await _jm.RunAsync("apply", "-f", file, "--service", service);
        var after = await fixture.Client.GetJobAsync(service, "nightly");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("2 to create, 0 to update, 0 to delete, 0 unchanged", first.Output);
        Assert.Contains("+ nightly", first.Output);
        Assert.Contains("    ttl_seconds: 600", first.Output);
        Assert.Contains("created hourly", first.Output);
        Assert.Equal(("{\"region\":\"eu\"}", 600), (created!["payload"]!.GetValue<string>(), created["ttl_seconds"]!.GetValue<int>()));

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 to create, 0 to update, 0 to delete, 2 unchanged", second.Output);
        Assert.Contains("No changes.", second.Output);
        // No PUT was sent: the job was not even rewritten.
        Assert.Equal(created["updated_at"]!.GetValue<string>(), after!["updated_at"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apply_WithAZoneAFlexibleWindowAndAStart_TheSameFileAgainChangesNothing()
    {
        var service = ApiClient.UniqueService("apply");
        var file = JobsFile(service, $$"""
            jobs:
              morning:
                schedule: cron(30 1 * * ? *)
                invocation_target: {{Target(service, "morning")}}
                timezone: America/New_York
                flexible_window_seconds: 900
                start_time: 2027-01-01T00:00:00Z
                pause_after_failures: 3
                enabled: false
            """);

        var first = await _jm.RunAsync("apply", "-f", file, "--service", service);
        var created = await fixture.Client.GetJobAsync(service, "morning");
        var second = await _jm.RunAsync("apply", "-f", file, "--service", service);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("    timezone: America/New_York", first.Output);
        Assert.Contains("    flexible_window_seconds: 900", first.Output);
        Assert.Equal(("America/New_York", 900, 3),
            (created!["timezone"]!.GetValue<string>(), created["flexible_window_seconds"]!.GetValue<int>(),
                created["pause_after_failures"]!.GetValue<int>()));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 to create, 0 to update, 0 to delete, 1 unchanged", second.Output);
        Assert.Contains("No changes.", second.Output);
    }

    [Fact]
    public async Task ApplyWithPrune_UpdatesChangedJobs_AndDeletesTheOnesNotInTheFile()
    {
        var service = ApiClient.UniqueService("apply");
        var both = JobsFile(service, $"""
            service: {service}
            jobs:
              keep:
                schedule: rate(1 hour)
                invocation_target: {Target(service, "keep")}
                enabled: false
              drop:
                schedule: rate(1 hour)
                invocation_target: {Target(service, "drop")}
                enabled: false
            """);
        var one = JobsFile(service, $"""
            service: {service}
            jobs:
              keep:
                schedule: rate(2 hours)
                invocation_target: {Target(service, "keep")}
                enabled: false
            """);
        Assert.Equal(0, (await _jm.RunAsync("apply", "-f", both)).ExitCode);

        var withoutPrune = await _jm.RunAsync("apply", "-f", one, "--dry-run");
        var dryRunJob = await fixture.Client.GetJobAsync(service, "keep");
        var pruned = await _jm.RunAsync("apply", "-f", one, "--prune");
        var again = await _jm.RunAsync("apply", "-f", one, "--prune");

        Assert.Contains("drop is not in the file: kept (--prune deletes it)", withoutPrune.Output);
        Assert.Contains("Dry run: nothing changed.", withoutPrune.Output);
        Assert.Equal("rate(1 hour)", dryRunJob!["schedule"]!.GetValue<string>());

        Assert.Equal(0, pruned.ExitCode);
        Assert.Contains("0 to create, 1 to update, 1 to delete, 0 unchanged", pruned.Output);
        Assert.Contains("~ keep", pruned.Output);
        Assert.Contains("    schedule: rate(1 hour) -> rate(2 hours)", pruned.Output);
        Assert.Contains("- drop", pruned.Output);
        Assert.Null(await fixture.Client.GetJobAsync(service, "drop"));
        Assert.Equal("rate(2 hours)", (await fixture.Client.GetJobAsync(service, "keep"))!["schedule"]!.GetValue<string>());
        Assert.Contains("No changes.", again.Output);
    }

    [Fact]
    public async Task Apply_RefusesAnUnknownField_WithExitCode2_NamingIt()
    {
        var service = ApiClient.UniqueService("apply");
        var file = JobsFile(service, $"""
            jobs:
              typo:
                schedule: rate(1 hour)
                invocation_target: {Target(service, "typo")}
                ttl: 5
            """);

        var run = await _jm.RunAsync("apply", "-f", file, "--service", service);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ttl", run.Error);
        Assert.Null(await fixture.Client.GetJobAsync(service, "typo"));
    }
}
