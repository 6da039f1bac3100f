using JobManager.Core.Jobs;

namespace JobManager.Api.JobTests;

/// <summary>What a test event is built from: a stored job, or the one a <c>PUT ?test=true</c> is about to save.</summary>
public sealed record JobTestTarget(JobRef Job, string InvocationTarget, string? Payload, string Schedule)
{
    public static JobTestTarget Of(Job job) => new(job.Ref, job.InvocationTarget, job.Payload, job.Schedule);

    public static JobTestTarget Of(JobRef job, JobDefinition definition) =>
        new(job, definition.InvocationTarget, definition.Payload, definition.Schedule.Text);
}
