using JobManager.Core.Jobs;

namespace JobManager.Core.Dispatch;

/// <summary>An execution a dispatcher holds the lease on, and the attempt that fences its writes.</summary>
public interface ILeasedExecution
{
    int Shard { get; }

    string ExecutionId { get; }

    JobRef Job { get; }

    int Attempt { get; }
}
