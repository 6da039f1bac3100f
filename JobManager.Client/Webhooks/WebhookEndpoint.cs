using System.Globalization;
using System.Text.Json;
using JobManager.Client.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JobManager.Client.Webhooks;

/// <summary>
/// Receives one webhook: reads the raw body, verifies its signature before parsing it, starts the run in the
/// background and answers 202 at once (the dispatcher waits for the answer, not for the work).
/// </summary>
internal static class WebhookEndpoint
{
    public static async Task<IResult> ReceiveAsync(HttpContext context, Func<JobInvocation, CancellationToken, Task<JobResult>> handler)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<JobManagerWebhookOptions>>().CurrentValue;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebhookEndpoint).FullName!);
        if (await ReadBodyAsync(context.Request, options.MaxBodyBytes, context.RequestAborted) is not { } body)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Webhook body too large");
        }

        var headers = context.Request.Headers;
        string? id = headers["webhook-id"], timestamp = headers["webhook-timestamp"];
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var secrets = services.GetRequiredService<WebhookSecrets>().Current;
        if (!WebhookSignature.IsValid(secrets, id, timestamp, headers["webhook-signature"], body, now, options.SignatureTolerance))
        {
            Log.SignatureRefused(logger, context.Request.Path);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid webhook signature",
                detail: "The webhook-signature does not match a signing secret, or webhook-timestamp is not recent.");
        }

        WebhookBody? webhook;
        try
        {
            webhook = JsonSerializer.Deserialize(body, ClientJsonContext.Default.WebhookBody);
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid webhook body", detail: e.Message);
        }
        if (webhook is null || !Uri.IsWellFormedUriString(webhook.CallbackUrl, UriKind.Absolute))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid webhook body",
                detail: "callback_url is missing or not an absolute URL.");
        }

        var sentAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp!, CultureInfo.InvariantCulture));
        var runner = services.GetRequiredService<JobRunner>();
        if (!runner.TryStart(new JobWebhook(webhook, id!, sentAt), handler))
        {
            // Delivery is at least once: the dispatcher may resend while this run goes on.
            Log.AlreadyRunning(logger, webhook.ExecutionId);
        }
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
