using System.ComponentModel.DataAnnotations;

namespace JobManager.Api.Authentication;

/// <summary>The admin API keys, from configuration (<c>JobManager:AdminKeys</c>, a list).</summary>
public sealed class AdminKeyOptions : IValidatableObject
{
    public const string SectionName = "JobManager";

    /// <summary>The shortest admin key accepted: a key people type in must still resist guessing.</summary>
    public const int MinLength = 32;

    /// <summary>
    /// Keys that reach every endpoint, e.g. for operators and for creating service keys. The app host
    /// generates one. Several may be configured at once, so a key can be replaced without downtime.
    /// </summary>
    public List<string> AdminKeys { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AdminKeys.Count == 0)
        {
            yield return new ValidationResult(
                "JobManager:AdminKeys needs at least one key (the app host generates one; elsewhere set JobManager__AdminKeys__0).",
                [nameof(AdminKeys)]);
        }
        for (var i = 0; i < AdminKeys.Count; i++)
        {
            if (AdminKeys[i].Trim().Length < MinLength)
            {
                yield return new ValidationResult($"JobManager:AdminKeys:{i} must be at least {MinLength} characters.",
                    [nameof(AdminKeys)]);
            }
        }
    }
}
