using JobManager.Core.Callbacks;
using JobManager.Core.Dispatch;
using JobManager.Core.Executions;
using JobManager.Core.Schedules;
using JobManager.Core.Webhooks;
using JobManager.Dispatcher.Configuration;
using Microsoft.Extensions.Options;

namespace JobManager.Dispatcher.Webhooks;

/// <summary>Builds the webhook body of a delivery, with its callback URL and latency figures.</summary>
public sealed class WebhookBodyFactory(CallbackToken tokens, IOptions<CallbackUrlOptions> options)
{
    /// <summary>
    /// The body is a pure function of the stored execution (its first claim time, the last success that
    /// claim saw): every delivery of one execution sends the same bytes.
    /// </summary>
    public WebhookBody Create(Delivery delivery)
    {
        var latencyMs = Math.Max(0, delivery.ClaimedAtMs - delivery.FireMs);
        var last = delivery.LastSuccessfulExecution;
        return new WebhookBody(
            CallbackUrl: CallbackPath.Url(options.Value.PublicBaseUrl, delivery.ExecutionId, tokens.Create(delivery.ExecutionId)),
            InvocationLatencyMs: latencyMs,
            InvocationLatencyPct: LatencyPercent(latencyMs, delivery.TtlSeconds),
            JobName: delivery.Job.Job,
            LastSuccessfulExecution: last is null ? null : new LastSuccessfulExecution(
                Name: last.ExecutionId,
                ScheduledTimeMs: last.ScheduledMs,
                ScheduledTime: ScheduleTime.Format(DateTimeOffset.FromUnixTimeMilliseconds(last.ScheduledMs)),
                ServiceInvokedAtMs: last.ServiceInvokedAtMs,
                State: last.State,
                Status: ExecutionStatus.Success,
                Summary: last.Summary),
            Payload: delivery.Payload,
            Schedule: delivery.Schedule,
            ScheduledTimeMs: delivery.ScheduledMs,
            ScheduledTime: ScheduleTime.Format(DateTimeOffset.FromUnixTimeMilliseconds(delivery.ScheduledMs)),
            ServiceName: delivery.Job.Service,
            ExecutionId: delivery.ExecutionId);
    }

    /// <summary>Latency as a percentage of the TTL, one decimal: 34310 ms of 119 s is 28.8.</summary>
    public static double LatencyPercent(long latencyMs, int ttlSeconds) =>
        Math.Round(latencyMs * 100.0 / (ttlSeconds * 1000.0), 1, MidpointRounding.AwayFromZero);
}
