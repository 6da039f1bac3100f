namespace JobManager.Bench.Receiver;

/// <summary>
/// What the receiver's callbacks did in a scenario: asked for, answered 2xx, sent as <c>failure</c>,
/// answered otherwise (by status), unanswered, and refused (callback_url not on this machine).
/// </summary>
public sealed record CallbackSummary(
    long Requested,
    long Succeeded,
    long FailuresReported,
    IReadOnlyDictionary<int, long> RejectedByStatus,
    long Errors,
    long Refused);
