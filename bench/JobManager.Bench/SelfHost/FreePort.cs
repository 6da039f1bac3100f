using System.Net;
using System.Net.Sockets;

namespace JobManager.Bench.SelfHost;

/// <summary>A TCP port on 127.0.0.1 that nothing listens on right now.</summary>
public static class FreePort
{
    public static int Next()
    {
        // Another process could take the port between here and the child's bind; the child then fails
        // its health wait with a clear "address in use" in its log, which is rare enough to retry by hand.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
