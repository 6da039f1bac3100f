using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using JobManager.Core.Dispatch;
using JobManager.Core.Executions;
using JobManager.Dispatcher.Telemetry;
using JobManager.Dispatcher.TimeWheel;

namespace JobManager.Dispatcher.Webhooks;

/// <summary>
/// Delivers one webhook and records the answer: 2xx makes the execution running, anything else ends
/// it as <c>invocation_failed</c> with the status or error. If recording fails (Redis down), the lease
/// expires and another dispatcher delivers again with the same execution id: at least once.
/// </summary>
public sealed class WebhookSender(
    IHttpClientFactory clients,
    WebhookBodyFactory bodies,
    DispatchStore store,
    RedisClock clock,
    WakeSignal wake,
    DispatcherMetrics metrics,
    ILogger<WebhookSender> logger)
{
    public const string ClientName = "webhooks";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        using var activity = DispatchTracing.StartDispatch(delivery);
        using var scope = logger.BeginScope(ExecutionLogScope.Of(delivery));
        var sentAtMs = clock.NowMs;
        var body = JsonSerializer.SerializeToUtf8Bytes(bodies.Create(delivery, sentAtMs), WebhookJsonContext.Default.WebhookBody);
        int? status = null;
        string? error = null;
        metrics.WebhookSending(delivery, sentAtMs - delivery.ScheduledMs);
        var sending = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.InvocationTarget)
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = Json } },
            };
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                error = status is >= 300 and < 400
                    ? $"HTTP {status}: redirects are not followed; point invocation_target at the final URL"
                    : $"HTTP {status} {response.ReasonPhrase}";
            }
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = "timed out waiting for the service to answer";
        }
        catch (HttpRequestException ex)
        {
            error = ex.HttpRequestError == HttpRequestError.Unknown ? ex.Message : $"{ex.HttpRequestError}: {ex.Message}";
        }
        finally
        {
            metrics.WebhookAnswered(delivery, Stopwatch.GetElapsedTime(sending),
                status is null ? DispatcherMetrics.Error : error is null ? DispatcherMetrics.Accepted : DispatcherMetrics.Rejected);
        }

        try
        {
            var outcome = error is null
                ? await store.MarkStartedAsync(delivery, sentAtMs, status!.Value, activity?.Id)
                : await store.MarkFailedAsync(delivery, status is null ? null : sentAtMs, error, status);
            DispatchTracing.Delivered(activity, outcome, error);
            if (outcome.Kind == DeliveryOutcomeKind.Stale)
            {
                Log.DeliveryStale(logger, delivery.Job, delivery.ExecutionId, delivery.Attempt);
            }
            else if (error is null)
            {
                Log.WebhookAccepted(logger, delivery.Job, delivery.ExecutionId, delivery.Attempt, status!.Value);
                if (outcome.DeadlineMs is { } deadline)
                {
                    wake.Request(deadline);
                }
            }
            else
            {
                Log.WebhookFailed(logger, delivery.Job, delivery.ExecutionId, delivery.Attempt, error);
                if (outcome is { Kind: DeliveryOutcomeKind.Recorded, Status: ExecutionStatus.Failure })
                {
                    metrics.Failed(delivery.Job, FailureReason.InvocationFailed);
                }
            }
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            Log.RecordFailed(logger, ex, delivery.Job, delivery.ExecutionId);
        }
    }
}
