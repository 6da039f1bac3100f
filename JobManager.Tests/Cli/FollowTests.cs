using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using JobManager.Client.Webhooks;
using JobManager.Tests.Client;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Cli;

/// <summary><c>jm executions list --follow</c> prints each run once, when it finishes.</summary>
[Collection(AppHostCollection.Name)]
public sealed class FollowTests(AppHostFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ExecutionsListFollow_PrintsRunsAsTheyFinish_NotWhileTheyRun()
    {
        var gates = new ConcurrentDictionary<string, TaskCompletionSource>();
        await using var service = await LibraryService.StartAsync(fixture, async (job, cancellationToken) =>
        {
            await gates.GetOrAdd(job.ExecutionId, _ => new()).Task.WaitAsync(cancellationToken);
            return JobResult.Success(summary: $"done {job.ExecutionId}");
        });
        await service.PutJobAsync("followed", ttlSeconds: 30);
        var jm = new CliRunner(fixture);
        var output = new CapturedWriter();
        using var stop = new CancellationTokenSource();
        var following = jm.RunAsync(
            ["executions", "list", "--follow", "-s", service.Service, "--job", "followed", "--interval", "00:00:00.2", "-o", "json"],
            stop.Token, output);

        var slow = await service.Client.RunJobNowAsync(service.Service, "followed");
        var fast = await service.Client.RunJobNowAsync(service.Service, "followed");
        gates.GetOrAdd(fast.ExecutionId, _ => new()).SetResult();
        await Wait.UntilAsync(() => output.Text.Contains(fast.ExecutionId, StringComparison.Ordinal), Timeout,
            "the fast run to be printed");
        var slowWhileRunning = await service.Client.GetExecutionAsync(service.Service, "followed", slow.ExecutionId);
        var printedWhileRunning = output.Text.Contains(slow.ExecutionId, StringComparison.Ordinal);
        gates.GetOrAdd(slow.ExecutionId, _ => new()).SetResult();
        await Wait.UntilAsync(() => output.Text.Contains(slow.ExecutionId, StringComparison.Ordinal), Timeout,
            "the slow run to be printed");
        await stop.CancelAsync();
        var run = await following;

        Assert.False(slowWhileRunning.IsFinished);
        Assert.False(printedWhileRunning, "an unfinished run was printed");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal([fast.ExecutionId, slow.ExecutionId], lines.Select(l => l["execution_id"]!.GetValue<string>()));
        Assert.All(lines, l => Assert.Equal("success", l["status"]!.GetValue<string>()));
    }
}
