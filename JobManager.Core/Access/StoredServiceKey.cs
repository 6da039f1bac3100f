namespace JobManager.Core.Access;

/// <summary>A service API key as stored: whose it is, the SHA-256 of the key, and when it was made.</summary>
public sealed record StoredServiceKey(string KeyId, string Service, byte[] Hash, DateTimeOffset CreatedAt);
