using System.Net;
using System.Net.Sockets;

namespace JobManager.AppHost.Redis;

/// <summary>Picks a TCP port that is free on the loopback interface right now.</summary>
internal static class FreePort
{
    /// <summary>
    /// Binds port 0 and returns what the OS chose. Another process could take the port before the server
    /// binds it; that race is rare on a developer machine and then fails loudly ("Address already in use")
    /// in the resource's log, never silently.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
