namespace JobManager.Core.Networking;

/// <summary>A webhook was not sent because its host is, or resolves to, a blocked address.</summary>
public sealed class BlockedAddressException(string message) : IOException(message);
