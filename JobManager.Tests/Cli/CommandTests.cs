using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Cli;

/// <summary><c>jm</c>'s commands and exit codes against the real Api.</summary>
[Collection(AppHostCollection.Name)]
public sealed class CommandTests(AppHostFixture fixture)
{
    private readonly CliRunner _jm = new(fixture);

    [Fact]
    public async Task JobsPut_WithAnInvalidField_Exits1_AndPrintsTheFieldError()
    {
        var service = ApiClient.UniqueService("cli");

        var run = await _jm.RunAsync("jobs", "put", "bad", "-s", service, "--schedule", "rate(1 hour)",
            "--target", fixture.Receiver.UrlFor("x"), "--ttl", "0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Error: 400", run.Error);
        Assert.Contains("  ttl_seconds: ", run.Error);
    }

    [Fact]
    public async Task JobsGet_OfAMissingJob_Exits3_AndAMissingArgument_Exits2()
    {
        var service = ApiClient.UniqueService("cli");

        var missing = await _jm.RunAsync("jobs", "get", "nope", "--service", service);
        var usage = await _jm.RunAsync("jobs", "get", "--service", service);
        var noService = await _jm.RunAsync("jobs", "get", "nope");

        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("Error: 404 Not found", missing.Error);
        Assert.Equal(2, usage.ExitCode);
        Assert.Equal(2, noService.ExitCode);
        Assert.Contains("--service", noService.Error);
    }

    [Fact]
    public async Task JobsPutGetRunDelete_RoundTrip_WithJsonOutput()
    {
        var service = ApiClient.UniqueService("cli");
        var put = await _jm.RunAsync("jobs", "put", "j", "-s", service, "--schedule", "rate(1 hour)",
            "--target", fixture.Receiver.UrlFor($"{service}/j"), "--enabled", "false", "-o", "json");
        var get = await _jm.RunAsync("jobs", "get", "j", "-s", service, "-o", "json");
        var run = await _jm.RunAsync("jobs", "run", "j", "-s", service, "-o", "json");
        var list = await _jm.RunAsync("jobs", "list", "-s", service);
        var delete = await _jm.RunAsync("jobs", "delete", "j", "-s", service);

        Assert.Equal([0, 0, 0, 0, 0], new[] { put.ExitCode, get.ExitCode, run.ExitCode, list.ExitCode, delete.ExitCode });
        var job = System.Text.Json.Nodes.JsonNode.Parse(get.Output)!;
        Assert.Equal((service, "j", false), (job["service"]!.GetValue<string>(), job["job_name"]!.GetValue<string>(),
            job["enabled"]!.GetValue<bool>()));
        Assert.Equal("manual", System.Text.Json.Nodes.JsonNode.Parse(run.Output)!["trigger"]!.GetValue<string>());
        Assert.Contains("rate(1 hour)", list.Output);
        Assert.Null(await fixture.Client.GetJobAsync(service, "j"));
    }

    [Fact]
    public async Task KeysCreateListRevoke_AndSecretRotate_Work()
    {
        var service = ApiClient.UniqueService("cli");
        var created = await _jm.RunAsync("keys", "create", "-s", service, "-o", "json");
        var keyId = System.Text.Json.Nodes.JsonNode.Parse(created.Output)!["key_id"]!.GetValue<string>();
        var list = await _jm.RunAsync("keys", "list", "-s", service);
        var rotated = await _jm.RunAsync("secret", "rotate", "-s", service);
        var revoked = await _jm.RunAsync("keys", "revoke", keyId, "-s", service);
        var revokedAgain = await _jm.RunAsync("keys", "revoke", keyId, "-s", service);

        Assert.Contains(keyId, list.Output);
        Assert.Contains("secret", rotated.Output);
        Assert.Contains("whsec_", rotated.Output);
        Assert.Equal((0, 3), (revoked.ExitCode, revokedAgain.ExitCode));
    }

    [Fact]
    public async Task JobsBackfill_PrintsTheNewExecutions_AndExecutionsDeleteNeedsBefore_ThenPrintsTheCount()
    {
        var service = ApiClient.UniqueService("cli");
        await _jm.RunAsync("jobs", "put", "daily", "-s", service, "--schedule", "cron(0 12 * * ? *)",
            "--target", fixture.Receiver.UrlFor($"{service}/daily"), "--enabled", "false");

        var backfill = await _jm.RunAsync("jobs", "backfill", "daily", "-s", service,
            "--from", "2026-01-01T00:00:00Z", "--to", "2026-01-03T00:00:00Z", "--output", "json");
        var noBefore = await _jm.RunAsync("executions", "delete", "-s", service);
        var deleted = await _jm.RunAsync("executions", "delete", "-s", service, "--job", "daily",
            "--before", "2026-01-01T00:00:00Z", "--output", "json");

        Assert.True(backfill.ExitCode == 0, backfill.Error);
        var created = System.Text.Json.Nodes.JsonNode.Parse(backfill.Output)!;
        Assert.Equal(2, created["count"]!.GetValue<int>());
        Assert.Equal(2, created["execution_ids"]!.AsArray().Count);
        Assert.Equal(JobManager.Cli.ExitCodes.Usage, noBefore.ExitCode);
        Assert.True(deleted.ExitCode == 0, deleted.Error);
        // Nothing was scheduled before the first instant: none deleted.
        Assert.Equal(0, System.Text.Json.Nodes.JsonNode.Parse(deleted.Output)!["deleted"]!.GetValue<long>());
    }

    [Fact]
    public async Task ScheduleNext_PrintsTheInstants_InUtc_AlsoForAnExpressionReadInAZone()
    {
        var next = await _jm.RunAsync("schedule", "next", "rate(1 hour)", "--count", "3");
        var zoned = await _jm.RunAsync("schedule", "next", "cron(30 1 * * ? *)", "--tz", "America/New_York", "--count", "3");

        Assert.Equal(0, next.ExitCode);
        Assert.Equal(5, next.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // zone line, header, 3 times
        Assert.Contains("read in UTC", next.Output);
        Assert.True(zoned.ExitCode == 0, zoned.Error);
        Assert.Contains("read in America/New_York", zoned.Output);
        var times = zoned.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.EndsWith('Z')).ToList();
        // 01:30 in New York is 06:30 UTC in winter (EST) and 05:30 UTC in summer (EDT): never 01:30 UTC.
        Assert.Equal(3, times.Count);
        Assert.All(times, t => Assert.True(t.EndsWith(" 06:30:00Z", StringComparison.Ordinal)
            || t.EndsWith(" 05:30:00Z", StringComparison.Ordinal), t));
    }

    [Fact]
    public async Task JobsTest_SendsATestEvent_AndPrintsTheWebhookAnswerAndTheCallback()
    {
        var service = ApiClient.UniqueService("cli");
        var path = $"{service}/j";
        await _jm.RunAsync("jobs", "put", "j", "-s", service, "--schedule", "rate(1 hour)",
            "--target", fixture.Receiver.UrlFor(path), "--enabled", "false");

        var running = _jm.RunAsync("jobs", "test", "j", "-s", service);
        var webhook = (await fixture.Receiver.WaitForAsync(path, 1, TimeSpan.FromSeconds(30))).Single();
        using (await fixture.Client.CallbackAsync(webhook.CallbackUrl, new { status = "success" })) { }
        var run = await running;

        Assert.Equal(0, run.ExitCode);
        var printed = System.Text.Json.Nodes.JsonNode.Parse(run.Output)!;
        Assert.Equal(200, printed["webhook"]!["http_status"]!.GetValue<int>());
        Assert.Equal("success", printed["callback"]!["status"]!.GetValue<string>());
    }
}
