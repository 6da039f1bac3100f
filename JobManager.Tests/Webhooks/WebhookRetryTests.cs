extern alias dispatcher;

using System.Net;
using System.Net.Http.Headers;
using dispatcher::JobManager.Dispatcher.Webhooks;
using JobManager.Core.Configuration;
using JobManager.Core.Executions;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace JobManager.Tests.Webhooks;

/// <summary>The webhook retry policy honours <c>Retry-After</c> only within the execution's TTL budget.</summary>
public sealed class WebhookRetryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RetryAfter_LongerThanTheRemainingTtl_EndsTheDeliveryAtOnce_WithTheServicesAnswer()
    {
        var tries = 0;
        var delivery = Deliver(budget: TimeSpan.FromSeconds(60), _ => { tries++; return TooManyRequests(TimeSpan.FromHours(1)); });

        var outcome = await delivery.WaitAsync(Deadline);

        Assert.Equal(1, tries);
        Assert.Equal(HttpStatusCode.TooManyRequests, outcome.Result!.StatusCode);
    }

    [Fact]
    public async Task RetryAfter_WithinTheRemainingTtl_IsWaitedFor_ThenRetried()
    {
        var tries = 0;
        var delivery = Deliver(budget: TimeSpan.FromSeconds(60),
            _ => ++tries == 1 ? TooManyRequests(TimeSpan.FromSeconds(20)) : new HttpResponseMessage(HttpStatusCode.OK));

        _time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(1, tries);
        Assert.False(delivery.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        var outcome = await delivery.WaitAsync(Deadline);

        Assert.Equal(2, tries);
        Assert.Equal(HttpStatusCode.OK, outcome.Result!.StatusCode);
    }

    [Fact]
    public async Task WithoutRetryAfter_TheRetryWaitsTheBackoff_AtMostItsCeiling()
    {
        var tries = 0;
        var delivery = Deliver(budget: TimeSpan.FromSeconds(60),
            _ => ++tries == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : new HttpResponseMessage(HttpStatusCode.OK));

        // The first retry waits between half and all of RetryBaseDelayMilliseconds (1 s).
        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(1, tries);
        _time.Advance(TimeSpan.FromMilliseconds(501));
        var outcome = await delivery.WaitAsync(Deadline);

        Assert.Equal(2, tries);
        Assert.Equal(HttpStatusCode.OK, outcome.Result!.StatusCode);
    }

    private Task<Outcome<HttpResponseMessage>> Deliver(TimeSpan budget, Func<int, HttpResponseMessage> answer)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        WebhookRetry.Configure(builder, new WebhookOptions { MaxAttempts = 3, RetryBaseDelayMilliseconds = 1000 });
        var pipeline = builder.Build();
        var context = ResilienceContextPool.Shared.Get();
        Func<long> clock = () => _time.GetUtcNow().ToUnixTimeMilliseconds();
        context.Properties.Set(WebhookRetry.Attempts, new List<DeliveryAttempt>());
        context.Properties.Set(WebhookRetry.Clock, clock);
        context.Properties.Set(WebhookRetry.BudgetEndsMs, clock() + (long)budget.TotalMilliseconds);
        return pipeline.ExecuteOutcomeAsync((_, state) => ValueTask.FromResult(Outcome.FromResult(answer(state))), context, 0).AsTask();
    }

    private static HttpResponseMessage TooManyRequests(TimeSpan retryAfter) =>
        new(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new RetryConditionHeaderValue(retryAfter) } };
}
