namespace JobManager.Core.Jobs;

/// <summary>The values a <c>PUT</c> body may leave out, and the limits on the rest.</summary>
public static class JobDefaults
{
    public const bool Async = true;
    public const bool Enabled = true;
    public const bool Exclusive = false;
    public const string InvocationType = "http";
    public const int TtlSeconds = 300;
    public const int CatchupWindowSeconds = 60;

    public const int MinTtlSeconds = 1;
    public const int MaxTtlSeconds = 86_400;
    public const int MaxCatchupWindowSeconds = 86_400;
    public const int MaxPayloadBytes = 64 * 1024;
    public const int MaxPausedReasonLength = 256;
    public const int MaxPauseAfterFailures = 1000;

    /// <summary>How many upcoming cron or at occurrences a job keeps queued in Redis.</summary>
    public const int QueuedOccurrences = 8;
}
