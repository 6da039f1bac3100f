namespace JobManager.Core.Access;

/// <summary>One entry of a service's key list: never the key, only its id and creation time.</summary>
public sealed record KeyListing(string KeyId, DateTimeOffset CreatedAt);
