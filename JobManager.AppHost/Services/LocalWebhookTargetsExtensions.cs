namespace JobManager.AppHost.Services;

public static class LocalWebhookTargetsExtensions
{
    /// <summary>
    /// Lets webhooks reach loopback (<c>127.0.0.0/8</c>, <c>::1/128</c>) when the app host runs locally,
    /// where the services under development listen on localhost. Only in run mode: a published
    /// deployment keeps the default, public addresses only. Settings given to the app host under
    /// <c>JobManager:Webhooks:AllowedNetworks</c> come later and win.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithLocalWebhookTargets(
        this IResourceBuilder<ProjectResource> project, DistributedApplicationExecutionContext context)
    {
        if (context.IsRunMode)
        {
            project.WithEnvironment("JobManager__Webhooks__AllowedNetworks__0", "127.0.0.0/8")
                .WithEnvironment("JobManager__Webhooks__AllowedNetworks__1", "::1/128");
        }
        return project;
    }
}
