namespace JobManager.Client.Resources;

/// <summary>A job's <c>health</c>, also the values of the <c>?health=</c> listing filter.</summary>
public static class JobHealth
{
    public const string Healthy = "healthy";
    /// <summary>Enabled, with at least one final failure since the last success.</summary>
    public const string Failing = "failing";
    /// <summary>Disabled (by hand or by auto-pause).</summary>
    public const string Paused = "paused";
}
