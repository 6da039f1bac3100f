using JobManager.Core.Configuration;

namespace JobManager.Core.Networking;

/// <summary>The socket handler every webhook goes through: the SSRF guard and the transport limits.</summary>
public static class WebhookHttpHandler
{
    /// <summary>Response headers larger than this (KiB) fail the delivery. The body is never read.</summary>
    public const int MaxResponseHeadersKiB = 64;

    public static SocketsHttpHandler Create(WebhookOptions options, AddressPolicy policy) => new()
    {
        ConnectCallback = new GuardedConnector(policy).ConnectAsync,
        ConnectTimeout = TimeSpan.FromSeconds(options.ConnectTimeoutSeconds),
        // A 3xx is a failed invocation: following it would let any public host send us to a private one.
        AllowAutoRedirect = false,
        // A proxy would make the connection, not us, and the address check would judge the proxy.
        UseProxy = false,
        UseCookies = false,
        Credentials = null,
        MaxResponseHeadersLength = MaxResponseHeadersKiB,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };
}
