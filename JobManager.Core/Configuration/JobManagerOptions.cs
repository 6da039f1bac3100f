using System.ComponentModel.DataAnnotations;

namespace JobManager.Core.Configuration;

/// <summary>Settings both services share. Bound from the <c>JobManager</c> section.</summary>
public sealed class JobManagerOptions
{
    public const string SectionName = "JobManager";

    /// <summary>
    /// Secret for callback tokens (HMAC-SHA256). Every Api and Dispatcher of one deployment must share
    /// it; the app host generates one. At least 32 characters.
    /// </summary>
    [Required, MinLength(32)]
    public string CallbackSecret { get; set; } = "";

    /// <summary>
    /// How many shards (hash-tagged key groups) jobs are spread over. Fixed for the life of a
    /// deployment: the first process to start records it in Redis and every later one must agree.
    /// </summary>
    [Range(1, 4096)]
    public int Shards { get; set; } = 16;
}
