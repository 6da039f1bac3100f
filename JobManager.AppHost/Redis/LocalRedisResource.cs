namespace JobManager.AppHost.Redis;

/// <summary>
/// A <c>redis-server</c> from this machine, run by the app host as a process. It implements
/// <see cref="IResourceWithConnectionString"/> so that <c>WithReference</c> hands services the same
/// <c>ConnectionStrings__redis</c> (and <c>REDIS_HOST</c>, <c>REDIS_PORT</c>, <c>REDIS_URI</c>) that
/// Aspire's Redis container would.
/// </summary>
/// <param name="name">The resource name, which is also the connection string name.</param>
/// <param name="command">The full path of <c>redis-server</c>.</param>
/// <param name="dataDirectory">Where the append-only file lives; also the working directory.</param>
public sealed class LocalRedisResource(string name, string command, string dataDirectory)
    : ExecutableResource(name, command, dataDirectory), IResourceWithConnectionString
{
    /// <summary>The name of the one endpoint, as on Aspire's Redis resource.</summary>
    public const string PrimaryEndpointName = "tcp";

    private EndpointReference? _primaryEndpoint;

    /// <summary>The TCP endpoint redis-server listens on.</summary>
    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, PrimaryEndpointName);

    /// <summary>Where the append-only file lives.</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary><c>localhost:{port}</c>: no password, since the server only listens on loopback.</summary>
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");

    IEnumerable<KeyValuePair<string, ReferenceExpression>> IResourceWithConnectionString.GetConnectionProperties()
    {
        var host = PrimaryEndpoint.Property(EndpointProperty.Host);
        var port = PrimaryEndpoint.Property(EndpointProperty.Port);
        yield return new("Host", ReferenceExpression.Create($"{host}"));
        yield return new("Port", ReferenceExpression.Create($"{port}"));
        yield return new("Uri", ReferenceExpression.Create($"redis://{host}:{port}"));
    }
}
