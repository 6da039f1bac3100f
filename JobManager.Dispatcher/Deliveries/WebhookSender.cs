using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using JobManager.Core.Dispatch;
using JobManager.Core.Executions;
using JobManager.Core.Signing;
using JobManager.Dispatcher.Clock;
using JobManager.Dispatcher.Telemetry;
using JobManager.Dispatcher.Webhooks;
using JobManager.Core.Webhooks;
using Polly;
using Polly.Registry;

namespace JobManager.Dispatcher.Deliveries;

/// <summary>
/// Delivers one signed webhook (with retries, see <see cref="WebhookRetry"/>) and records the answer:
/// 2xx makes the execution running; anything else (a redirect too), once retries are spent, ends it as
/// <c>invocation_failed</c> with the last status or error. Every try is recorded; the response body is
/// never read. If recording fails (Redis down), the lease expires and another dispatcher delivers again
/// with the same execution id, which is also the <c>webhook-id</c>, and the same body: at least once,
/// deduplicable. Each delivery is one dispatch span, the root of its execution's trace.
/// </summary>
public sealed class WebhookSender(
    IHttpClientFactory clients,
    ResiliencePipelineProvider<string> pipelines,
    WebhookBodyFactory bodies,
    SigningSecretCache secrets,
    DeliveryRecorder recorder,
    RedisClock clock,
    WakeSignal wake,
    DispatcherMetrics metrics,
    ILogger<WebhookSender> logger)
{
    public const string ClientName = "webhooks";

    /// <summary>The most of a response body the client would ever buffer; the sender reads none.</summary>
    public const int MaxResponseBytes = 64 * 1024;

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        using var activity = DispatchTracing.StartDispatch(delivery);
        using var scope = logger.BeginScope(ExecutionLogScope.Of(delivery));
        var body = JsonSerializer.SerializeToUtf8Bytes(bodies.Create(delivery), WebhookJsonContext.Default.WebhookBody);
        SigningSecrets signingSecrets;
        try
        {
            signingSecrets = await secrets.GetAsync(delivery.Job.Service);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Never send unsigned: the lease expires and another attempt signs it.
            Log.SigningSecretUnavailable(logger, ex, delivery.Job, delivery.ExecutionId);
            return;
        }

        var sentAtMs = clock.NowMs;
        metrics.WebhookSending(delivery, sentAtMs - delivery.FireMs);
        var sending = Stopwatch.GetTimestamp();
        var attempts = new List<DeliveryAttempt>();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(WebhookRetry.Attempts, attempts);
        context.Properties.Set(WebhookRetry.Clock, () => clock.NowMs);
        context.Properties.Set(WebhookRetry.BudgetEndsMs, sentAtMs + delivery.TtlSeconds * 1000L);
        var send = new SendState(delivery, body, signingSecrets, clients.CreateClient(ClientName), clock);

        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await pipelines.GetPipeline<HttpResponseMessage>(WebhookRetry.PipelineName)
                .ExecuteOutcomeAsync(static (ctx, state) => state.SendOnceAsync(ctx.CancellationToken), context, send);
            cancellationToken.ThrowIfCancellationRequested();
            WebhookRetry.Record(context, outcome);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using var response = outcome.Result;
        var status = response is null ? (int?)null : (int)response.StatusCode;
        var error = WebhookRetry.Describe(outcome);
        metrics.WebhookAnswered(delivery, Stopwatch.GetElapsedTime(sending),
            status is null ? DispatcherMetrics.Error : error is null ? DispatcherMetrics.Accepted : DispatcherMetrics.Rejected);
        await RecordAsync(delivery, sentAtMs, status, error, attempts, activity);
    }

    /// <summary>One try: a fresh request with a fresh timestamp and signature over the same body.</summary>
    private sealed record SendState(Delivery Delivery, byte[] Body, SigningSecrets Secrets, HttpClient Client, RedisClock Clock)
    {
        public async ValueTask<Outcome<HttpResponseMessage>> SendOnceAsync(CancellationToken cancellationToken)
        {
            var nowMs = Clock.NowMs;
            var timestamp = nowMs / 1000;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, Delivery.InvocationTarget)
                {
                    Content = new ByteArrayContent(Body) { Headers = { ContentType = Json } },
                    Headers =
                    {
                        { "webhook-id", Delivery.ExecutionId },
                        { "webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture) },
                        { "webhook-signature", WebhookSigner.Sign(Delivery.ExecutionId, timestamp, Body, Secrets.ActiveAt(nowMs)) },
                    },
                };
                return Outcome.FromResult(await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return Outcome.FromException<HttpResponseMessage>(ex);
            }
        }
    }

    private async Task RecordAsync(Delivery delivery, long sentAtMs, int? status, string? error, List<DeliveryAttempt> attempts,
        Activity? activity)
    {
        try
        {
            DeliveryAnswer answer = error is null
                ? new DeliveryAnswer.Accepted(delivery, sentAtMs, status!.Value, attempts, activity?.Id)
                : new DeliveryAnswer.Failed(delivery, status is null ? null : sentAtMs, error, status, attempts);
            var recorded = await recorder.RecordAsync(answer, activity?.Context ?? default);
            DispatchTracing.Delivered(activity, recorded, error);
            if (recorded.Kind == DeliveryOutcomeKind.Stale)
            {
                Log.DeliveryStale(logger, delivery.Job, delivery.ExecutionId, delivery.Attempt);
            }
            else if (error is null)
            {
                Log.WebhookAccepted(logger, delivery.Job, delivery.ExecutionId, delivery.Attempt, status!.Value);
                if (recorded.DeadlineMs is { } deadline)
                {
                    wake.Request(deadline);
                }
            }
            else
            {
                Log.WebhookFailed(logger, delivery.Job, delivery.ExecutionId, delivery.Attempt, error);
                if (recorded is { Kind: DeliveryOutcomeKind.Recorded, Status: ExecutionStatus.Failure })
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
