using Microsoft.Extensions.Configuration;

namespace JobManager.AppHost.Services;

public static class JobManagerSettingsExtensions
{
    /// <summary>
    /// Passes every setting under the app host's <c>JobManager</c> section to a service as environment
    /// variables (<c>JobManager:Retention:Days</c> becomes <c>JobManager__Retention__Days</c>), so one
    /// place (appsettings, user secrets, the command line) configures Api and dispatchers alike.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithJobManagerSettings(
        this IResourceBuilder<ProjectResource> project, IConfiguration configuration)
    {
        foreach (var setting in configuration.GetSection("JobManager").AsEnumerable(makePathsRelative: false))
        {
            if (setting.Value is not null)
            {
                project.WithEnvironment(setting.Key.Replace(":", "__", StringComparison.Ordinal), setting.Value);
            }
        }
        return project;
    }
}
