using System.Net;
using System.Net.Sockets;

namespace JobManager.Tests.Infrastructure;

/// <summary>Loopback ports nothing listens on, for the servers the tests start.</summary>
public static class FreePorts
{
    private const int Attempts = 50;

    /// <summary>A free port that <paramref name="fits"/> accepts (e.g. one whose cluster bus port is free too).</summary>
    public static int Find(Func<int, bool>? fits = null)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var port = Any();
            if (fits is null || fits(port))
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

    private static int Any()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
