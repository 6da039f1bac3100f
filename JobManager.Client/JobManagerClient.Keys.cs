using JobManager.Client.Resources;

namespace JobManager.Client;

public sealed partial class JobManagerClient
{
    /// <inheritdoc />
    public Task<CreatedServiceKey> CreateKeyAsync(string service, CancellationToken cancellationToken = default) =>
        SendAsync("CreateServiceKey", HttpMethod.Post, $"services/{Segment(service)}/keys", Json.CreatedServiceKey, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<ServiceKeyInfo> ListKeysAsync(string service, CancellationToken cancellationToken = default) =>
        PagesAsync("ListServiceKeys", $"services/{Segment(service)}/keys", QueryString.Empty, Json.PageServiceKeyInfo, cancellationToken);

    /// <inheritdoc />
    public async Task RevokeKeyAsync(string service, string keyId, CancellationToken cancellationToken = default)
    {
        using var response = await SendRawAsync("RevokeServiceKey", HttpMethod.Delete,
            $"services/{Segment(service)}/keys/{Segment(keyId)}", null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<SigningSecret> RotateSigningSecretAsync(string service, CancellationToken cancellationToken = default) =>
        SendAsync("RotateSigningSecret", HttpMethod.Post, $"services/{Segment(service)}/signing-secret/rotate", Json.SigningSecret,
            cancellationToken);
}
