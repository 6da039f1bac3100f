namespace JobManager.AppHost.Redis;

/// <summary>
/// A Redis-compatible server that the app host runs as a process on this machine. It implements
/// <see cref="IResourceWithConnectionString"/> so that <c>WithReference</c> hands services the same
/// <c>ConnectionStrings__redis</c> (and <c>REDIS_HOST</c>, <c>REDIS_PORT</c>, <c>REDIS_URI</c>) that
/// Aspire's Redis container would.
/// </summary>
/// <param name="name">The resource name, which is also the connection string name.</param>
/// <param name="command">The program to start.</param>
/// <param name="workingDirectory">The program's working directory.</param>
public abstract class RedisProcessResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    /// <summary>The name of the one endpoint, as on Aspire's Redis resource.</summary>
    public const string PrimaryEndpointName = "tcp";

    private EndpointReference? _primaryEndpoint;

    /// <summary>The TCP endpoint the server listens on.</summary>
    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, PrimaryEndpointName);

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
