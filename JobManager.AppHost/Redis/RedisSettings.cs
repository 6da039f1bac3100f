using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace JobManager.AppHost.Redis;

/// <summary>
/// The <c>Redis</c> configuration section of the app host, read once while the model is built so that a
/// bad value fails <c>dotnet run</c> at once instead of after the dashboard is up.
/// </summary>
/// <param name="Mode">Where Redis comes from.</param>
/// <param name="DataDirectory">Where a Redis the app host starts on this machine keeps its files.</param>
internal sealed record RedisSettings(RedisMode Mode, string DataDirectory)
{
    /// <summary>The configuration section, e.g. <c>Redis:Mode</c> or the variable <c>Redis__Mode</c>.</summary>
    public const string SectionName = "Redis";

    /// <summary>Reads and validates the section; throws with the valid values when the mode is unknown.</summary>
    public static RedisSettings Read(IConfiguration configuration, string appHostDirectory)
    {
        var section = configuration.GetSection(SectionName);
        var dataDirectory = section["DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : DefaultDataDirectory(appHostDirectory);
        return new RedisSettings(ParseMode(section["Mode"]), dataDirectory);
    }

    /// <summary>The names <c>Redis:Mode</c> accepts, lower case, e.g. for error messages.</summary>
    public static string ValidModes => string.Join(", ", Enum.GetNames<RedisMode>().Select(n => n.ToLowerInvariant()));

    private static RedisMode ParseMode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return RedisMode.Auto;
        }

        // Names only: Enum.TryParse would also take "2" and silently pick a mode.
        foreach (var mode in Enum.GetValues<RedisMode>())
        {
            if (string.Equals(mode.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return mode;
            }
        }

        throw new DistributedApplicationException(
            $"{SectionName}:Mode '{value}' is not valid. Valid values: {ValidModes} (unset means auto).");
    }

    // One folder per checkout under the temp dir: restarts of the app host find their data again, and two
    // clones of the repository on one machine do not share (and corrupt) one append-only file.
    private static string DefaultDataDirectory(string appHostDirectory)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(appHostDirectory)));
        return Path.Combine(Path.GetTempPath(), $"jobmanager-redis-{Convert.ToHexStringLower(hash)[..12]}");
    }
}
