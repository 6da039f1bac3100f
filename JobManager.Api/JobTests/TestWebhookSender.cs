using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using JobManager.Core.Callbacks;
using JobManager.Core.Schedules;
using JobManager.Core.Storage;
using JobManager.Core.Webhooks;

namespace JobManager.Api.JobTests;

/// <summary>
/// Sends a job's test event: the dispatcher's webhook body and Standard Webhooks signature, plus <c>"test": true</c>,
/// through the same SSRF-guarded handler. One try, no retries, nothing recorded but the answer it returns.
/// </summary>
public sealed class TestWebhookSender(IHttpClientFactory clients, SigningSecretStore secrets, CallbackToken tokens, TimeProvider time)
{
    public const string ClientName = "job-tests";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task<WebhookTestResult> SendAsync(JobTestTarget target, string testId, string callbackBaseUrl,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var body = JsonSerializer.SerializeToUtf8Bytes(new WebhookBody(
            CallbackUrl: CallbackPath.Url(callbackBaseUrl, testId, tokens.Create(testId)),
            InvocationLatencyMs: 0,
            InvocationLatencyPct: 0,
            JobName: target.Job.Job,
            LastSuccessfulExecution: null,
            Payload: target.Payload,
            Schedule: target.Schedule,
            ScheduledTimeMs: nowMs,
            ScheduledTime: ScheduleTime.Format(now),
            ServiceName: target.Job.Service,
            ExecutionId: testId,
            Test: true), WebhookJsonContext.Default.WebhookBody);
        var active = (await secrets.GetOrCreateAsync(target.Job.Service)).ActiveAt(nowMs);
        var timestamp = nowMs / 1000;
        using var request = new HttpRequestMessage(HttpMethod.Post, target.InvocationTarget)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = Json } },
            Headers =
            {
                { "webhook-id", testId },
                { "webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture) },
            },
        };
        var signed = active.Count > 0;
        if (signed)
        {
            request.Headers.Add("webhook-signature", WebhookSigner.Sign(testId, timestamp, body, active));
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return new WebhookTestResult(status, Elapsed(started), signed, Describe(response));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookTestResult(null, Elapsed(started), signed, "timed out waiting for the service to answer");
        }
        catch (HttpRequestException ex)
        {
            var error = ex.HttpRequestError is HttpRequestError.Unknown ? ex.Message : $"{ex.HttpRequestError}: {ex.Message}";
            return new WebhookTestResult(null, Elapsed(started), signed, error);
        }
    }

    // The dispatcher's wording (WebhookRetry.Describe), so a test fails with the words a real delivery would.
    private static string? Describe(HttpResponseMessage response) => (int)response.StatusCode switch
    {
        >= 200 and < 300 => null,
        var s and >= 300 and < 400 => $"HTTP {s}: redirects are not followed; point invocation_target at the final URL",
        var s => $"HTTP {s} {response.ReasonPhrase}",
    };

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
