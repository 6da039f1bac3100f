using System.Collections.Concurrent;
using System.Net;
using System.Text;
using JobManager.Client.Resources;
using JobManager.Client.Webhooks;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Client;

/// <summary>
/// A service written with the library, end to end through the app host: signed webhooks verified, work
/// kept alive by heartbeats past the TTL, and the outcome called back.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class WebhookReceivingTests(AppHostFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task LibraryService_HeartbeatsPastItsTtl_ThenCallsBackSuccess_AndTheNextRunSeesItsState()
    {
        var invocations = new ConcurrentQueue<JobInvocation>();
        await using var service = await LibraryService.StartAsync(fixture, async (job, cancellationToken) =>
        {
            invocations.Enqueue(job);
            // TTL 2 s: four heartbeats, about one a second, take the run well past it; without them it would fail as a timeout.
            await Wait.UntilAsync(() => job.HeartbeatsSent >= 4, Timeout, "four heartbeats");
            await job.ReportProgressAsync(summary: "almost there", cancellationToken: cancellationToken);
            var runs = job.LastSuccessfulExecution?.State is { } state ? int.Parse(state,
                System.Globalization.CultureInfo.InvariantCulture) : 0;
            return JobResult.Success((runs + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"run {runs + 1}");
        });
        await service.PutJobAsync("long", ttlSeconds: 2, payload: "{\"batch\":7}");

        var first = await service.Client.RunJobNowAsync(service.Service, "long");
        var finished = await service.WaitFinishedAsync("long", first.ExecutionId, Timeout);

        Assert.True(finished.Status == ExecutionStatuses.Success,
            $"{finished.Status} {finished.FailureReason} {finished.Error} {finished.Summary}");
        Assert.True(finished.Heartbeats >= 4, $"heartbeats: {finished.Heartbeats}");
        Assert.True(finished.FinishedAt - finished.ScheduledTime > TimeSpan.FromSeconds(3), "the run outlived its TTL by half");
        Assert.Equal(("1", "run 1"), (finished.State, finished.Summary));

        var invocation = Assert.Single(invocations);
        Assert.Equal((first.ExecutionId, first.ExecutionId, service.Service, "long"),
            (invocation.ExecutionId, invocation.WebhookId, invocation.ServiceName, invocation.JobName));
        Assert.Equal(("{\"batch\":7}", "rate(1 hour)"), (invocation.Payload, invocation.Schedule));
        Assert.Equal(first.ScheduledTimeMs, invocation.ScheduledTime.ToUnixTimeMilliseconds());
        Assert.Null(invocation.LastSuccessfulExecution);

        var second = await service.Client.RunJobNowAsync(service.Service, "long");
        var secondFinished = await service.WaitFinishedAsync("long", second.ExecutionId, Timeout);
        Assert.Equal(("2", "run 2"), (secondFinished.State, secondFinished.Summary));
        var last = invocations.Last().LastSuccessfulExecution;
        Assert.NotNull(last);
        Assert.Equal((first.ExecutionId, "1", "run 1", "success"), (last.Name, last.State, last.Summary, last.Status));
    }

    [Fact]
    public async Task ReportedProgress_GoesWithAHeartbeat_AndShowsAsProgressStateOnTheRunningExecution()
    {
        var release = new TaskCompletionSource();
        await using var service = await LibraryService.StartAsync(fixture, async (job, cancellationToken) =>
        {
            await job.ReportProgressAsync(state: "{\"page\":2}", summary: "page 2 of 5", cancellationToken: cancellationToken);
            await release.Task.WaitAsync(cancellationToken);
            return JobResult.Success();
        });
        await service.PutJobAsync("paged", ttlSeconds: 30);

        var run = await service.Client.RunJobNowAsync(service.Service, "paged");
        var running = await Wait.UntilAsync(async () =>
        {
            var execution = await service.Client.GetExecutionAsync(service.Service, "paged", run.ExecutionId);
            return execution.ProgressState is not null ? execution : null;
        }, Timeout, "progress on the running execution");
        release.SetResult();
        var finished = await service.WaitFinishedAsync("paged", run.ExecutionId, Timeout);

        Assert.Equal((ExecutionStatuses.Running, "{\"page\":2}", "page 2 of 5"),
            (running.Status, running.ProgressState, running.ProgressSummary));
        Assert.NotNull(running.LastHeartbeatAt);
        Assert.Equal(ExecutionStatuses.Success, finished.Status);
    }

    [Fact]
    public async Task HandlerException_IsCalledBackAsFailure_WithItsMessageAsSummary()
    {
        await using var service = await LibraryService.StartAsync(fixture, async (job, cancellationToken) =>
        {
            await job.ReportProgressAsync(state: "{\"done\":3}", cancellationToken: cancellationToken);
            throw new InvalidOperationException("The ledger is locked");
        });
        await service.PutJobAsync("fails", ttlSeconds: 30);

        var run = await service.Client.RunJobNowAsync(service.Service, "fails");
        var finished = await service.WaitFinishedAsync("fails", run.ExecutionId, Timeout);

        Assert.Equal(ExecutionStatuses.Failure, finished.Status);
        Assert.Equal("reported", finished.FailureReason);
        Assert.Equal("The ledger is locked", finished.Summary);
        Assert.Equal("{\"done\":3}", finished.State); // the last progress, kept by the library
    }

    [Fact]
    public async Task WebhookWithAWrongOrStaleSignature_Gets401_AndRunsNothing()
    {
        var runs = 0;
        await using var service = await LibraryService.StartAsync(fixture, (_, _) =>
        {
            Interlocked.Increment(ref runs);
            return Task.FromResult(JobResult.Success());
        });
        var body = Encoding.UTF8.GetBytes("{\"callback_url\":\"http://127.0.0.1:9/callback/x/y\",\"execution_id\":\"x\"}");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var wrongKey = "whsec_" + Convert.ToBase64String(new byte[32]);

        using var http = new HttpClient();
        async Task<HttpStatusCode> SendAsync(long timestamp, string signature)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, service.WebhookUrl) { Content = new ByteArrayContent(body) };
            request.Headers.Add("webhook-id", "x");
            request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", signature);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }
        string Sign(long timestamp) => "v1," + Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(
            new byte[32], (byte[])[.. Encoding.UTF8.GetBytes($"x.{timestamp}."), .. body]));

        Assert.True(WebhookSignature.IsValid([wrongKey], "x", now.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Sign(now), body,
            DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)), "the test's own signature is well formed");
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(now, Sign(now)));              // signed with another secret
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(now - 3600, Sign(now - 3600))); // an hour old: a replay
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(now, "v1,AAAA"));
        Assert.Equal(0, runs);
    }
}
