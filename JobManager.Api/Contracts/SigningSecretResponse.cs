namespace JobManager.Api.Contracts;

/// <summary>
/// A service's new webhook signing secret, shown once, and until when webhooks also carry a signature
/// made with the secret it replaced (null when there was none).
/// </summary>
public sealed record SigningSecretResponse(string Secret, DateTime? PreviousValidUntil);
