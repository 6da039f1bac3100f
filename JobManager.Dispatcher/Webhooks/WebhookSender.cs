using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using JobManager.Core.Dispatch;
using JobManager.Core.Networking;
using JobManager.Core.Signing;
using JobManager.Dispatcher.TimeWheel;

namespace JobManager.Dispatcher.Webhooks;

/// <summary>
/// Delivers one signed webhook and records the answer: 2xx makes the execution running, anything else
/// (a redirect too) ends it as <c>invocation_failed</c> with the status or error. The response body is
/// never read. If recording fails (Redis down), the lease expires and another dispatcher delivers again
/// with the same execution id, which is also the <c>webhook-id</c>: at least once, deduplicable.
/// </summary>
public sealed class WebhookSender(
    IHttpClientFactory clients,
    WebhookBodyFactory bodies,
    SigningSecretCache secrets,
    DispatchStore store,
    RedisClock clock,
    WakeSignal wake,
    ILogger<WebhookSender> logger)
{
    public const string ClientName = "webhooks";

    /// <summary>The most of a response body the client would ever buffer; the sender reads none.</summary>
    public const int MaxResponseBytes = 64 * 1024;

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var sentAtMs = clock.NowMs;
        var body = JsonSerializer.SerializeToUtf8Bytes(bodies.Create(delivery, sentAtMs), WebhookJsonContext.Default.WebhookBody);
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
        var timestamp = sentAtMs / 1000;
        int? status = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.InvocationTarget)
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = Json } },
                Headers =
                {
                    { "webhook-id", delivery.ExecutionId },
                    { "webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture) },
                    { "webhook-signature", WebhookSigner.Sign(delivery.ExecutionId, timestamp, body, signingSecrets.ActiveAt(sentAtMs)) },
                },
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
        catch (HttpRequestException ex) when (ex.InnerException is BlockedAddressException blocked)
        {
            error = blocked.Message;
        }
        catch (HttpRequestException ex)
        {
            error = ex.HttpRequestError == HttpRequestError.Unknown ? ex.Message : $"{ex.HttpRequestError}: {ex.Message}";
        }

        try
        {
            var outcome = error is null
                ? await store.MarkStartedAsync(delivery, sentAtMs, status!.Value)
                : await store.MarkFailedAsync(delivery, status is null ? null : sentAtMs, error, status);
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
            }
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            Log.RecordFailed(logger, ex, delivery.Job, delivery.ExecutionId);
        }
    }
}
