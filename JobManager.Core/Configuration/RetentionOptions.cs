using System.ComponentModel.DataAnnotations;

namespace JobManager.Core.Configuration;

/// <summary>How long finished executions are kept. Bound from <c>JobManager:Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "JobManager:Retention";

    /// <summary>Finished executions expire this many days after they finish.</summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 7;

    /// <summary>At most this many executions are kept per job; the oldest go first.</summary>
    [Range(1, 1_000_000)]
    public int PerJob { get; set; } = 1000;
}
