using System.Buffers.Text;
using System.Security.Cryptography;
using Aspire.Hosting.Publishing;

namespace JobManager.AppHost.Services;

public static class JobManagerServiceKeyExtensions
{
    /// <summary>
    /// Hands <paramref name="project"/> <c>ConnectionStrings:jobmanager</c> =
    /// <c>Endpoint={api};Key={key};Service={service}</c>, for <c>builder.AddJobManagerClient("jobmanager")</c>.
    /// The key is a service key of <paramref name="service"/> only (never the admin key): generated once and kept in
    /// the app host's user secrets (parameter <c>{service}-service-key</c>), given to the Api as
    /// <c>JobManager:ProvisionedKeys:{service}</c>, which stores its hash at start.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithJobManager(
        this IResourceBuilder<ProjectResource> project, IResourceBuilder<ProjectResource> api, string service)
    {
        var key = project.ApplicationBuilder.AddParameter($"{service}-service-key", new ServiceKeyParameterDefault(), secret: true,
            persist: true);
        api.WithEnvironment($"JobManager__ProvisionedKeys__{service}", key);
        return project
            .WithEnvironment("ConnectionStrings__jobmanager",
                ReferenceExpression.Create($"Endpoint={api.GetEndpoint("http")};Key={key};Service={service}"))
            .WaitFor(api);
    }

    /// <summary>A new key in the Api's format: <c>jm_</c>, 16 hex digits (its id), <c>_</c>, 32 random bytes in base64url.</summary>
    private sealed class ServiceKeyParameterDefault : ParameterDefault
    {
        public override string GetDefaultValue() =>
            $"jm_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}_" +
            $"{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";

        // Published deployments provision their keys themselves: the manifest asks for the value.
        public override void WriteToManifest(ManifestPublishingContext context) =>
            new GenerateParameterDefault { MinLength = 48, Special = false }.WriteToManifest(context);
    }
}
