using System.ComponentModel.DataAnnotations;
using JobManager.Core.Access;
using JobManager.Core.Jobs;

namespace JobManager.Api.Authentication;

/// <summary>
/// Service keys made outside the Api and stored (hashed) at start: <c>JobManager:ProvisionedKeys:{service}</c> =
/// <c>jm_...</c>. The app host generates one for each project it hands a JobManager connection string, so the
/// project gets a key of its own service and never the admin key.
/// </summary>
public sealed class ProvisionedKeyOptions : IValidatableObject
{
    public const string SectionName = "JobManager";

    /// <summary>Service name to key. A revoked provisioned key comes back at the next start: remove it here too.</summary>
    public Dictionary<string, string> ProvisionedKeys { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (service, key) in ProvisionedKeys)
        {
            if (!ResourceName.IsValid(service))
            {
                yield return new ValidationResult($"JobManager:ProvisionedKeys:{service}: '{service}' is not a valid service name.",
                    [nameof(ProvisionedKeys)]);
            }
            if (!ServiceKey.TryGetKeyId(key, out _))
            {
                yield return new ValidationResult(
                    $"JobManager:ProvisionedKeys:{service} is not a service key (jm_<16 hex digits>_<43 base64url characters>).",
                    [nameof(ProvisionedKeys)]);
            }
        }
    }
}
