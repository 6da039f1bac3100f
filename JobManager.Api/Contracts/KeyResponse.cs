namespace JobManager.Api.Contracts;

/// <summary>A service API key as listed: its id and creation time, never the key.</summary>
public sealed record KeyResponse(string KeyId, DateTime CreatedAt);
