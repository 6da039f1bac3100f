namespace JobManager.Core.Access;

/// <summary>A key just created: the only time the key itself is known to JobManager.</summary>
public sealed record CreatedServiceKey(string KeyId, string Key, DateTimeOffset CreatedAt);
