using System.Net.Http.Headers;
using System.Text.Json;
using JobManager.Core.Dispatch;
using JobManager.Core.Executions;
using JobManager.Dispatcher.TimeWheel;
using Polly;
using Polly.Registry;

namespace JobManager.Dispatcher.Webhooks;

/// <summary>
/// Delivers one webhook (with retries, see <see cref="WebhookRetry"/>) and records the answer: 2xx
/// makes the execution running; anything else, once retries are spent, ends it as
/// <c>invocation_failed</c> with the last status or error. Every try is recorded. If recording fails
/// (Redis down), the lease expires and another dispatcher delivers again: at least once, same bytes.
/// </summary>
public sealed class WebhookSender(
    IHttpClientFactory clients,
    ResiliencePipelineProvider<string> pipelines,
    WebhookBodyFactory bodies,
    DispatchStore store,
    RedisClock clock,
    WakeSignal wake,
    ILogger<WebhookSender> logger)
{
    public const string ClientName = "webhooks";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(bodies.Create(delivery), WebhookJsonContext.Default.WebhookBody);
        var sentAtMs = clock.NowMs;
        var attempts = new List<DeliveryAttempt>();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(WebhookRetry.Attempts, attempts);
        context.Properties.Set(WebhookRetry.Clock, () => clock.NowMs);
        context.Properties.Set(WebhookRetry.BudgetEndsMs, sentAtMs + delivery.TtlSeconds * 1000L);
        var client = clients.CreateClient(ClientName);

        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await pipelines.GetPipeline<HttpResponseMessage>(WebhookRetry.PipelineName).ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, state.Delivery.InvocationTarget)
                        {
                            Content = new ByteArrayContent(state.Body) { Headers = { ContentType = Json } },
                        };
                        return Outcome.FromResult(await state.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ctx.CancellationToken));
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Delivery: delivery, Body: body, Client: client));
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
        await RecordAsync(delivery, sentAtMs, status, error, attempts);
    }

    private async Task RecordAsync(Delivery delivery, long sentAtMs, int? status, string? error, List<DeliveryAttempt> attempts)
    {
        try
        {
            var recorded = error is null
                ? await store.MarkStartedAsync(delivery, sentAtMs, status!.Value, attempts)
                : await store.MarkFailedAsync(delivery, status is null ? null : sentAtMs, error, status, attempts);
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
            }
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            Log.RecordFailed(logger, ex, delivery.Job, delivery.ExecutionId);
        }
    }
}
