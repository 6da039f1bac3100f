using StackExchange.Redis;

namespace JobManager.Core.Dispatch;

/// <summary>
/// How recording one answer of a batch went: its <see cref="DeliveryOutcome"/>, or the error that its entry
/// alone met in the script (a key of the wrong type, a corrupt field). The batch's other entries are
/// recorded regardless, as they would have been by calls of their own.
/// </summary>
public sealed record RecordedAnswer(DeliveryOutcome? Outcome, string? Error)
{
    /// <summary>The outcome; or the entry's error, thrown as Redis throws a failed script's.</summary>
    public DeliveryOutcome GetOutcome() => Outcome
        ?? throw new RedisServerException(RedisErrorKind.Unknown, CommandFlags.None, Error ?? "the script gave no result");
}
