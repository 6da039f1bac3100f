using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

[Collection(AppHostCollection.Name)]
public sealed class ExecutionLifecycleTests(AppHostFixture fixture)
{
    private readonly ApiClient _api = fixture.Client;
    private readonly WebhookReceiver _receiver = fixture.Receiver;

    private async Task<(string Service, string Path, string ExecutionId)> RunOnceAsync(string job, int ttlSeconds = 300)
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/{job}";
        await _api.PutJobOkAsync(service, job,
            new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 day)", ttl_seconds = ttlSeconds });
        using var run = await _api.Http.PostAsync($"/services/{service}/jobs/{job}/executions", null);
        var executionId = (await ApiClient.ReadObjectAsync(run))["execution_id"]!.GetValue<string>();
        await _receiver.WaitForAsync(path, 1, TimeSpan.FromSeconds(15));
        return (service, path, executionId);
    }

    [Fact]
    public async Task Heartbeat_ExtendsDeadlineByTtl_AndCountsHeartbeats()
    {
        var (service, path, executionId) = await RunOnceAsync("long-runner", ttlSeconds: 60);
        var running = await _api.WaitForExecutionAsync(service, "long-runner", executionId,
            e => e["status"]!.GetValue<string>() == "running", TimeSpan.FromSeconds(10));
        var firstDeadline = running["deadline"]!.GetValue<DateTime>();

        await Task.Delay(1100);
        using var response = await _api.CallbackAsync(_receiver.Received(path)[0].CallbackUrl, new { status = "heartbeat" });
        var applied = await ApiClient.ReadObjectAsync(response);

        Assert.Equal("running", applied["status"]!.GetValue<string>());
        var newDeadline = applied["deadline"]!.GetValue<DateTime>();
        Assert.True(newDeadline > firstDeadline, $"deadline {newDeadline:O} should be after {firstDeadline:O}");
        Assert.InRange((newDeadline - DateTime.UtcNow).TotalSeconds, 55, 61);
        var execution = await _api.GetExecutionAsync(service, "long-runner", executionId);
        Assert.Equal(1, execution["heartbeats"]!.GetValue<int>());
        Assert.Equal(newDeadline, execution["deadline"]!.GetValue<DateTime>());
    }

    [Fact]
    public async Task NoCallbackBeforeTheDeadline_FailsAsTimeout_WithinASecond()
    {
        var (service, _, executionId) = await RunOnceAsync("silent", ttlSeconds: 2);
        var running = await _api.WaitForExecutionAsync(service, "silent", executionId,
            e => e["status"]!.GetValue<string>() == "running", TimeSpan.FromSeconds(10));
        var deadline = running["deadline"]!.GetValue<DateTime>();

        var failed = await _api.WaitForExecutionAsync(service, "silent", executionId,
            e => e["status"]!.GetValue<string>() == "failure", TimeSpan.FromSeconds(15));

        Assert.Equal("timeout", failed["failure_reason"]!.GetValue<string>());
        var finishedAt = failed["finished_at"]!.GetValue<DateTime>();
        Assert.InRange((finishedAt - deadline).TotalMilliseconds, 0, 1000);
    }

    [Fact]
    public async Task FailureCallback_EndsExecution_AsReported()
    {
        var (service, path, executionId) = await RunOnceAsync("failing");
        using var response = await _api.CallbackAsync(_receiver.Received(path)[0].CallbackUrl,
            new { status = "failure", summary = "disk full", state = "{\"at\":3}" });
        await ApiClient.ReadObjectAsync(response);

        var execution = await _api.GetExecutionAsync(service, "failing", executionId);
        Assert.Equal("failure", execution["status"]!.GetValue<string>());
        Assert.Equal("reported", execution["failure_reason"]!.GetValue<string>());
        Assert.Equal("disk full", execution["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExclusiveJob_FailsWithoutWebhook_WhenPreviousRunIsInProgress()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/exclusive";
        await _api.PutJobOkAsync(service, "exclusive", new
        {
            invocation_target = _receiver.UrlFor(path), schedule = "rate(1 second)", exclusive = true, ttl_seconds = 120,
        });

        await Wait.UntilAsync(async () =>
        {
            var executions = await _api.ExecutionsAsync(service, "exclusive");
            return executions.Any(e => e["failure_reason"]?.GetValue<string>() == "exclusive_conflict") ? executions : null;
        }, TimeSpan.FromSeconds(15), "an exclusive_conflict execution");
        await _api.PutJobOkAsync(service, "exclusive",
            new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 second)", enabled = false });

        var all = await _api.ExecutionsAsync(service, "exclusive");
        var conflicts = all.Where(e => e["failure_reason"]?.GetValue<string>() == "exclusive_conflict").ToList();
        var runs = all.Except(conflicts).ToList();
        // The conflict is recorded a second after the first run started; on a busy machine its webhook
        // may still be on its way then.
        await Wait.UntilAsync(() => _receiver.Received(path).Count > 0, TimeSpan.FromSeconds(15), "the first run's webhook");
        Assert.Single(runs);
        Assert.All(conflicts, c => Assert.Equal("failure", c["status"]!.GetValue<string>()));
        Assert.All(conflicts, c => Assert.Null(c["service_invoked_at_ms"]));
        Assert.Single(_receiver.Received(path));
        Assert.Equal(runs[0]["execution_id"]!.GetValue<string>(), _receiver.Received(path)[0].ExecutionId);
    }

    [Fact]
    public async Task DisabledJob_RecordsNothing_AndHasNoNextInstant()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/paused";
        var job = await _api.PutJobOkAsync(service, "paused",
            new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 second)", enabled = false });
        Assert.Null(job["next_scheduled_time"]);
        Assert.Null(job["next_scheduled_time_ms"]);

        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Empty(_receiver.Received(path));
        Assert.Empty(await _api.ExecutionsAsync(service, "paused"));
    }

    [Fact]
    public async Task ScheduleChange_TakesEffectAtOnce()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/resched";
        var slow = await _api.PutJobOkAsync(service, "resched",
            new { invocation_target = _receiver.UrlFor(path), schedule = "cron(0 0 1 1 ? 2199)" });
        Assert.StartsWith("2199-01-01T00:00:00Z", slow["next_scheduled_time"]!.GetValue<string>());

        var fast = await _api.PutJobOkAsync(service, "resched",
            new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 second)" });
        var next = DateTimeOffset.FromUnixTimeMilliseconds(fast["next_scheduled_time_ms"]!.GetValue<long>());
        Assert.InRange((next - DateTimeOffset.UtcNow).TotalSeconds, -1, 2);

        await _receiver.WaitForAsync(path, 2, TimeSpan.FromSeconds(10));
        await _api.PutJobOkAsync(service, "resched",
            new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 second)", enabled = false });
    }

    [Fact]
    public async Task DeletedJob_FiresNoMore()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/doomed";
        await _api.PutJobOkAsync(service, "doomed", new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 second)" });
        await _receiver.WaitForAsync(path, 1, TimeSpan.FromSeconds(10));

        using (var delete = await _api.Http.DeleteAsync($"/services/{service}/jobs/doomed"))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, delete.StatusCode);
        }
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var count = _receiver.Received(path).Count;
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(count, _receiver.Received(path).Count);
        Assert.Null(await _api.GetJobAsync(service, "doomed"));
    }

    [Fact]
    public async Task ManualRun_WorksOnDisabledJob_AndIsMarkedManual()
    {
        var service = ApiClient.UniqueService();
        var path = $"{service}/manual";
        await _api.PutJobOkAsync(service, "manual",
            new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 second)", enabled = false });

        using var run = await _api.Http.PostAsync($"/services/{service}/jobs/manual/executions", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, run.StatusCode);
        var created = await ApiClient.ReadObjectAsync(run);
        var executionId = created["execution_id"]!.GetValue<string>();
        Assert.Equal($"/services/{service}/jobs/manual/executions/{executionId}", run.Headers.Location?.OriginalString);
        Assert.Equal("manual", created["trigger"]!.GetValue<string>());

        var webhook = (await _receiver.WaitForAsync(path, 1, TimeSpan.FromSeconds(10)))[0];
        Assert.Equal(executionId, webhook.ExecutionId);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Single(await _api.ExecutionsAsync(service, "manual"));
    }
}
