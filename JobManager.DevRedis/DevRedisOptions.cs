using System.ComponentModel.DataAnnotations;

namespace JobManager.DevRedis;

/// <summary>Where the development store listens and keeps its files.</summary>
public sealed class DevRedisOptions
{
    /// <summary>The configuration section: <c>--DevRedis:Port=6380</c> on the command line.</summary>
    public const string SectionName = "DevRedis";

    /// <summary>The loopback port to listen on; the app host picks a free one.</summary>
    [Range(1, 65535)]
    public int Port { get; set; }

    /// <summary>The folder for the append-only file and checkpoints, kept across restarts.</summary>
    [Required]
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>
    /// Garnet's main-log memory, e.g. <c>1g</c>. What does not fit spills to the data folder (Garnet's
    /// storage tier, which <see cref="GarnetHost"/> turns on); 1g keeps a development data set in memory.
    /// </summary>
    [Required]
    [RegularExpression("^[0-9]+[kmgKMG]$")]
    public string Memory { get; set; } = "1g";
}
