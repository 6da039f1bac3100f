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
    private const int Attempts = 50;

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

    /// <summary>A free port that <paramref name="fits"/> accepts (e.g. one whose cluster bus port is free too).</summary>
    public static int Next(Func<int, bool> fits)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var port = Next();
            if (fits(port))
            {
                return port;
            }
        }
        throw new InvalidOperationException($"No free loopback port fitted after {Attempts} tries.");
    }

    /// <summary>Whether a listener can bind <paramref name="port"/> on loopback now.</summary>
    public static bool IsFree(int port)
    {
        if (port is <= 0 or > IPEndPoint.MaxPort)
        {
            return false;
        }
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
