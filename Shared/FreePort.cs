using System.Net;
using System.Net.Sockets;

namespace JobManager.Shared;

/// <summary>
/// A TCP port free on the loopback interface right now: for the app host's local Redis, the tests' servers
/// and the bench's self-hosted services. One source file, linked into each of those projects (see their
/// <c>.csproj</c>), since they share no library.
/// </summary>
internal static class FreePort
{
    /// <summary>
    /// Binds port 0 and returns what the OS chose. Another process could take the port before the caller
    /// binds it; that race is rare and then fails loudly ("Address already in use"), never silently.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
