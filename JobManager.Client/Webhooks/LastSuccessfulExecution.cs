namespace JobManager.Client.Webhooks;

/// <summary>
/// The job's last successful execution, as its webhook carries it: its <see cref="State"/> and
/// <see cref="Summary"/> are what that run's success callback reported, so a job keeps no state of its own.
/// </summary>
/// <c>Name</c> is that execution's id.
public sealed record LastSuccessfulExecution(
    string Name,
    long ScheduledTimeMs,
    DateTimeOffset ScheduledTime,
    long? ServiceInvokedAtMs,
    string? State,
    string Status,
    string? Summary);
