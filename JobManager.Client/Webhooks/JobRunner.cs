using System.Collections.Concurrent;
using System.Net;
using System.Text;
using JobManager.Client.Resources;
using JobManager.Client.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JobManager.Client.Webhooks;

/// <summary>
/// Runs accepted webhooks in the background: the handler, its heartbeats, then the final callback. One run
/// per execution at a time (a redelivery of a running execution starts nothing). On shutdown the handlers are
/// cancelled and their failures reported before the host stops.
/// </summary>
internal sealed class JobRunner(
    IServiceScopeFactory scopes, IHttpClientFactory clients, IOptionsMonitor<JobManagerWebhookOptions> options,
    TimeProvider clock, ILogger<JobRunner> logger) : IHostedService
{
    public const string CallbackClientName = "JobManager.Callbacks";
    internal const int MaxSummaryBytes = 1024;
    internal const int MaxStateBytes = 64 * 1024;
    private static readonly TimeSpan FinalCallbackTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Task> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Starts a run; false when this execution is already running here.</summary>
    public bool TryStart(JobWebhook webhook, Func<JobInvocation, CancellationToken, Task<JobResult>> handler)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_running.TryAdd(webhook.Body.ExecutionId, done.Task))
        {
            return false;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(webhook, handler);
            }
            catch (Exception e)
            {
                Log.RunFailed(logger, webhook.Body.ExecutionId, e);
            }
            finally
            {
                _running.TryRemove(webhook.Body.ExecutionId, out _);
                done.SetResult();
            }
        });
        return true;
    }

    private async Task RunAsync(JobWebhook webhook, Func<JobInvocation, CancellationToken, Task<JobResult>> handler)
    {
        var body = webhook.Body;
        using var activity = JobManagerClientTelemetry.StartJobRun(body.ServiceName, body.JobName, body.ExecutionId);
        await using var scope = scopes.CreateAsyncScope();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var callbacks = new JobManagerClient(clients.CreateClient(CallbackClientName), apiKey: null);
        var settings = options.CurrentValue;
        var heartbeats = new Heartbeats(callbacks, new Uri(body.CallbackUrl), settings.HeartbeatInterval, clock, run, logger,
            body.ExecutionId);
        var invocation = new JobInvocation(body, webhook.Id, webhook.Timestamp, heartbeats, scope.ServiceProvider);

        using var stopBeating = new CancellationTokenSource();
        var beating = heartbeats.RunAsync(FirstHeartbeatDelay(body), stopBeating.Token);
        JobResult result;
        try
        {
            result = await handler(invocation, run.Token);
        }
        catch (Exception e)
        {
            Log.HandlerFailed(logger, body.ExecutionId, e);
            result = JobResult.Failure(e.Message);
        }
        await stopBeating.CancelAsync();
        await beating;
        if (heartbeats.EndedElsewhere)
        {
            return; // timed out or removed: the Api would answer the final callback with 409
        }
        result = WithProgress(result, invocation.Progress);
        activity?.SetTag("jobmanager.status", result.Status);
        await SendFinalAsync(callbacks, invocation.CallbackUrl, body.ExecutionId, result);
    }

    /// <summary>With a latency the TTL can be told from the percentage; otherwise half a second.</summary>
    private static TimeSpan FirstHeartbeatDelay(WebhookBody body) =>
        body.InvocationLatencyPct > 0 && body.InvocationLatencyMs > 0
            ? TimeSpan.FromMilliseconds(Math.Max(Heartbeats.FirstDelay.TotalMilliseconds,
                body.InvocationLatencyMs * 100 / body.InvocationLatencyPct / 2))
            : Heartbeats.FirstDelay;

    private static JobResult WithProgress(JobResult result, JobProgress? progress) => result with
    {
        State = Limit(result.State ?? progress?.State, MaxStateBytes),
        Summary = Limit(result.Summary ?? progress?.Summary, MaxSummaryBytes),
    };

    private async Task SendFinalAsync(IJobManagerClient callbacks, Uri callbackUrl, string executionId, JobResult result)
    {
        using var timeout = new CancellationTokenSource(FinalCallbackTimeout);
        var report = new CallbackReport(result.Status, result.State, result.Summary, result.CorrelationId);
        try
        {
            await callbacks.SendCallbackAsync(callbackUrl, report, timeout.Token);
            Log.Reported(logger, executionId, result.Status);
        }
        catch (JobManagerApiException e) when (e.StatusCode == HttpStatusCode.BadRequest)
        {
            // The Api refused what the handler returned (a correlation id too long, say): record why instead.
            Log.CallbackRefused(logger, executionId, e.Message);
            await callbacks.SendCallbackAsync(callbackUrl, new CallbackReport("failure", Summary: Limit(e.Message, MaxSummaryBytes)),
                timeout.Token);
        }
        catch (JobManagerApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            Log.ExecutionEndedElsewhere(logger, executionId, (int)e.StatusCode, e.Message);
        }
    }

    /// <summary>Cuts to the Api's byte limit on a character boundary, so a long exception message is still recorded.</summary>
    internal static string? Limit(string? text, int maxBytes)
    {
        if (text is null || Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }
        var length = text.Length;
        while (Encoding.UTF8.GetByteCount(text.AsSpan(0, length)) > maxBytes - 3)
        {
            length = Math.Max(0, length - Math.Max(1, length / 16));
        }
        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }
        return text[..length] + "…";
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Cancels the handlers and waits (within the host's shutdown timeout) for their final callbacks.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Values).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
