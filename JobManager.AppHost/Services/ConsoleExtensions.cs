using Microsoft.Extensions.Configuration;

namespace JobManager.AppHost.Services;

public static class ConsoleExtensions
{
    /// <summary>
    /// Shows a "Console" link (the Api's <c>/console/</c>) on the resource in the Aspire dashboard, and tells
    /// the Api where the dashboard is, so the console's execution pages link to their traces there. The
    /// dashboard's address is <c>Console:DashboardUrl</c> when given, else the app host's own
    /// <c>ASPNETCORE_URLS</c> (where the dashboard listens in run mode); a published deployment has none.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithConsole(
        this IResourceBuilder<ProjectResource> api, IConfiguration configuration, DistributedApplicationExecutionContext context)
    {
        api.WithUrlForEndpoint("http", _ => new ResourceUrlAnnotation { Url = "/console/", DisplayText = "Console" });
        if (context.IsRunMode && DashboardUrl(configuration) is { } dashboard)
        {
            api.WithEnvironment("JobManager__Console__DashboardUrl", dashboard);
        }
        return api;
    }

    private static string? DashboardUrl(IConfiguration configuration)
    {
        var urls = configuration["Console:DashboardUrl"] ?? configuration["ASPNETCORE_URLS"];
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return Uri.TryCreate(first, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
    }
}
