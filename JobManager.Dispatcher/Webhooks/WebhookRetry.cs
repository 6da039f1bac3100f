using JobManager.Core.Executions;
using JobManager.Core.Configuration;
using JobManager.Core.Retries;
using JobManager.Dispatcher.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace JobManager.Dispatcher.Webhooks;

/// <summary>
/// The retry policy of webhook deliveries (Microsoft.Extensions.Http.Resilience): transient failures
/// are retried with <see cref="Backoff"/>'s curve, or after the service's Retry-After, within a budget that
/// ends with the execution's TTL. Each failed try is written down for the execution's record.
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

    /// <summary>No retry waits longer than this; the execution's TTL usually ends the retries sooner.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(10);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, WebhookOptions options)
    {
        if (options.MaxAttempts <= 1)
        {
            return;
        }
        var backoff = new Backoff(TimeSpan.FromMilliseconds(options.RetryBaseDelayMilliseconds), MaxDelay);
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxAttempts - 1,
            // Read by DelayGenerator below, which caps it by the budget.
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context)
                && WithinBudget(args.Context, RetryAfter(args.Outcome, args.Context) ?? backoff.Ceiling(args.AttemptNumber))),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                CapByBudget(args.Context, RetryAfter(args.Outcome, args.Context) ?? backoff.Delay(args.AttemptNumber))),
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
            var status = outcome.Result is { } response ? (int)response.StatusCode : (int?)null;
            attempts.Add(new DeliveryAttempt(clock(), status, Describe(outcome)));
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

    // Retry only if the next try, after its longest wait (the service's Retry-After, or the backoff's
    // ceiling), still starts before the budget ends: a Retry-After past the execution's TTL ends the
    // delivery now, with the service's answer, rather than holding it until the deadline fails it.
    private static bool WithinBudget(ResilienceContext context, TimeSpan wait) =>
        Remaining(context) is not { } remaining || wait < remaining;

    private static TimeSpan CapByBudget(ResilienceContext context, TimeSpan wait) =>
        Remaining(context) is { } remaining ? TimeSpan.FromTicks(Math.Clamp(wait.Ticks, 0, Math.Max(0, remaining.Ticks))) : wait;

    private static TimeSpan? Remaining(ResilienceContext context) =>
        context.Properties.TryGetValue(BudgetEndsMs, out var endsMs) && context.Properties.TryGetValue(Clock, out var clock)
            ? TimeSpan.FromMilliseconds(endsMs - clock())
            : null;

    /// <summary>The answer's <c>Retry-After</c> (seconds, or an HTTP date read against the Redis clock).</summary>
    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, ResilienceContext context) =>
        outcome.Result?.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } when context.Properties.TryGetValue(Clock, out var clock) =>
                date - DateTimeOffset.FromUnixTimeMilliseconds(clock()),
            _ => null,
        };
}
