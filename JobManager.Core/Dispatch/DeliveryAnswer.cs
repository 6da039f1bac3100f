using JobManager.Core.Executions;

namespace JobManager.Core.Dispatch;

/// <summary>
/// A delivery's answer, to record on its execution: <see cref="Accepted"/> (2xx) or <see cref="Failed"/>
/// (anything else once retries are spent). <see cref="Attempts"/> are this dispatcher's tries, appended to
/// the execution's record of deliveries.
/// </summary>
public abstract record DeliveryAnswer(Delivery Delivery, IReadOnlyList<DeliveryAttempt> Attempts)
{
    /// <summary>
    /// The service accepted the webhook: the execution becomes running. <paramref name="TraceParent"/>, the
    /// dispatch span's W3C context, is kept with the execution so the Api can put its callbacks in that trace.
    /// </summary>
    public sealed record Accepted(Delivery Delivery, long InvokedMs, int HttpStatus, IReadOnlyList<DeliveryAttempt> Attempts,
        string? TraceParent = null)
        : DeliveryAnswer(Delivery, Attempts);

    /// <summary>
    /// The webhook was not accepted: the execution ends as <c>invocation_failed</c> with <paramref name="Error"/>.
    /// <paramref name="InvokedMs"/> and <paramref name="HttpStatus"/> are null when no answer came at all.
    /// </summary>
    public sealed record Failed(Delivery Delivery, long? InvokedMs, string Error, int? HttpStatus, IReadOnlyList<DeliveryAttempt> Attempts)
        : DeliveryAnswer(Delivery, Attempts);
}
