namespace JobManager.Core.JobTests;

/// <summary>The callback a test event received: its final status and when it arrived (unix ms).</summary>
public sealed record TestCallback(string Status, long AtMs);
