namespace JobManager.Core.Dispatch;

/// <summary>How recording a delivery's result went.</summary>
public enum DeliveryOutcomeKind
{
    /// <summary>Written: the execution is now running (deadline set) or failed.</summary>
    Recorded,
    /// <summary>Refused: another dispatcher took the execution over (its attempt is higher).</summary>
    Stale,
    /// <summary>A callback arrived before the webhook's response; the callback's status stands.</summary>
    CallbackFirst,
    /// <summary>The execution no longer exists.</summary>
    Missing,
}

public sealed record DeliveryOutcome(DeliveryOutcomeKind Kind, string? Status, long? DeadlineMs);
