namespace JobManager.Client.Resources;

/// <summary>A service key as listed: its id and creation time, never the key.</summary>
public sealed record ServiceKeyInfo(string KeyId, DateTimeOffset CreatedAt);

/// <summary>A new service key. <see cref="Key"/> is in this answer only.</summary>
public sealed record CreatedServiceKey(string KeyId, string Key, DateTimeOffset CreatedAt);

/// <summary>
/// A service's new webhook signing secret (<c>whsec_...</c>), shown once, and until when webhooks also carry
/// a signature made with the secret it replaced (null when there was none).
/// </summary>
public sealed record SigningSecret(string Secret, DateTimeOffset? PreviousValidUntil);
