using JobManager.Core.Executions;
using JobManager.Core.Configuration;
using JobManager.Dispatcher.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace JobManager.Dispatcher.Webhooks;

/// <summary>
/// The retry policy of webhook deliveries (Microsoft.Extensions.Http.Resilience): transient failures
/// are retried with exponential backoff and jitter, honouring Retry-After, within a budget that ends
/// before the execution's TTL. Each failed try is written down for the execution's record.
/// </summary>
public static class WebhookRetry
{
    public const string PipelineName = "webhook-delivery";

    /// <summary>The tries made so far for the delivery running in this context.</summary>
    public static readonly ResiliencePropertyKey<List<DeliveryAttempt>> Attempts = new("jobmanager.delivery-attempts");

    /// <summary>The moment (Redis ms) after which no retry may start.</summary>
    public static readonly ResiliencePropertyKey<long> BudgetEndsMs = new("jobmanager.retry-budget-ends");

    /// <summary>The Redis-time clock, to stamp the tries.</summary>
    public static readonly ResiliencePropertyKey<Func<long>> Clock = new("jobmanager.clock");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, WebhookOptions options)
    {
        if (options.MaxAttempts <= 1)
        {
            return;
        }
        var baseDelay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMilliseconds);
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = baseDelay,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context) && WithinBudget(args, baseDelay)),
            OnRetry = args =>
            {
                Record(args.Context, args.Outcome);
                return default;
            },
        });
    }

    /// <summary>Writes down the outcome of one try.</summary>
    public static void Record(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        if (context.Properties.TryGetValue(Attempts, out var attempts) && context.Properties.TryGetValue(Clock, out var clock))
        {
            attempts.Add(new DeliveryAttempt(clock(), outcome.Result is { } response ? (int)response.StatusCode : null, Describe(outcome)));
        }
    }

    public static string? Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TaskCanceledException } => "timed out waiting for the service to answer",
        { Exception: HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } e } => $"{e.HttpRequestError}: {e.Message}",
        { Exception: { } e } => e.Message,
        { Result: { IsSuccessStatusCode: true } } => null,
        { Result: { } r } when (int)r.StatusCode is >= 300 and < 400 =>
            $"HTTP {(int)r.StatusCode}: redirects are not followed; point invocation_target at the final URL",
        { Result: { } r } => $"HTTP {(int)r.StatusCode} {r.ReasonPhrase}",
        _ => null,
    };

    // An attempt that timed out is transient; our own shutdown (the context's token) is not.
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, ResilienceContext context) =>
        HttpClientResiliencePredicates.IsTransient(outcome)
        || (outcome.Exception is TaskCanceledException && !context.CancellationToken.IsCancellationRequested);

    // Retry only if the next try, after its longest backoff, still starts before the budget ends.
    private static bool WithinBudget(RetryPredicateArguments<HttpResponseMessage> args, TimeSpan baseDelay)
    {
        if (!args.Context.Properties.TryGetValue(BudgetEndsMs, out var endsMs) || !args.Context.Properties.TryGetValue(Clock, out var clock))
        {
            return true;
        }
        var longestBackoffMs = baseDelay.TotalMilliseconds * Math.Pow(2, args.AttemptNumber) * 1.5;
        return clock() + longestBackoffMs < endsMs;
    }
}
