using JobManager.Core.Dispatch;
using JobManager.Core.Executions;

namespace JobManager.Tests.Infrastructure;

/// <summary>
/// One answer recorded on its own, as store tests record them: a batch of one through
/// <see cref="DeliveryAnswerStore.RecordAsync"/>, which the dispatcher calls with many at a time.
/// </summary>
public static class DeliveryAnswers
{
    /// <summary>
    /// Records an accepted webhook and every try it took (by default one, at <paramref name="invokedMs"/>).
    /// <paramref name="traceParent"/> is the dispatch span's W3C context, kept for the Api's callbacks.
    /// </summary>
    public static async Task<DeliveryOutcome> MarkStartedAsync(this DeliveryAnswerStore answers,
        Delivery delivery, long invokedMs, int httpStatus, IEnumerable<DeliveryAttempt>? attempts = null, string? traceParent = null)
    {
        var answer = new DeliveryAnswer.Accepted(delivery, invokedMs, httpStatus,
            [.. attempts ?? [new DeliveryAttempt(invokedMs, httpStatus, null)]], traceParent);
        return (await answers.RecordAsync([answer]))[0].GetOutcome();
    }

    /// <summary>Records a webhook that was not accepted, and every try it took.</summary>
    public static async Task<DeliveryOutcome> MarkFailedAsync(this DeliveryAnswerStore answers,
        Delivery delivery, long? invokedMs, string error, int? httpStatus, IEnumerable<DeliveryAttempt>? attempts = null)
    {
        var answer = new DeliveryAnswer.Failed(delivery, invokedMs, error, httpStatus,
            [.. attempts ?? [new DeliveryAttempt(invokedMs ?? 0, httpStatus, error)]]);
        return (await answers.RecordAsync([answer]))[0].GetOutcome();
    }
}
