namespace JobManager.Core.Jobs;

/// <summary>What a <c>PUT</c> did: created a new job or updated the one that was there.</summary>
public sealed record UpsertOutcome(bool Created, Job Job);
