namespace JobManager.Api.Contracts;

/// <summary>A new service API key. <c>key</c> is shown here once; JobManager keeps only its SHA-256.</summary>
public sealed record CreatedKeyResponse(string KeyId, string Key, DateTime CreatedAt);
