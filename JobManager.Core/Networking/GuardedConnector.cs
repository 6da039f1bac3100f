using System.Net;
using System.Net.Sockets;

namespace JobManager.Core.Networking;

/// <summary>
/// The connect-time half of the SSRF guard, for <see cref="SocketsHttpHandler.ConnectCallback"/>:
/// resolves the host once, refuses the connection if any address it resolved to is blocked, and
/// connects to the addresses it checked, never resolving again. A DNS answer that changes between the
/// check and the connection (DNS rebinding) therefore cannot reach a blocked address.
/// </summary>
public sealed class GuardedConnector(AddressPolicy policy, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve = resolve ?? Dns.GetHostAddressesAsync;

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var host = endpoint.Host.TrimEnd('.');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await _resolve(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }
        // One blocked answer refuses them all: a name that resolves to both a public and a private
        // address is either misconfigured or an attempt to get past the guard.
        foreach (var address in addresses)
        {
            if (policy.Refusal(address) is { } refusal)
            {
                throw new BlockedAddressException($"Refused to connect to {endpoint.Host}: {refusal}");
            }
        }

        SocketException? lastError = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastError = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw lastError!;
    }
}
