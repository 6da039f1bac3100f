using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace JobManager.Tests.Infrastructure;

/// <summary>
/// One command to a server over a fresh connection, with a one-second deadline: for probing a server that
/// may not be up yet, or a cluster node before a client library would accept it.
/// </summary>
public static class Resp
{
    /// <summary>The reply as text (a simple or bulk string), or null when there is none within a second.</summary>
    public static async Task<string?> CommandAsync(int port, params string[] arguments)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            var command = new StringBuilder().Append(CultureInfo.InvariantCulture, $"*{arguments.Length}\r\n");
            foreach (var argument in arguments)
            {
                command.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(argument)}\r\n{argument}\r\n");
            }
            await stream.WriteAsync(Encoding.UTF8.GetBytes(command.ToString()), timeout.Token);
            return await ReadReplyAsync(stream, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return null;
        }
    }

    private static async Task<string?> ReadReplyAsync(NetworkStream stream, CancellationToken cancellation)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, cancellation);
            if (read == 0)
            {
                return null;
            }
            received.AddRange(buffer.AsSpan(0, read));
            var text = Encoding.UTF8.GetString([.. received]);
            var lineEnd = text.IndexOf("\r\n", StringComparison.Ordinal);
            if (lineEnd < 0)
            {
                continue;
            }
            var header = text[..lineEnd];
            if (header[0] != '$')
            {
                // +PONG, -ERR ...: the line is the reply.
                return header[1..];
            }
            var length = int.Parse(header[1..], CultureInfo.InvariantCulture);
            if (length < 0)
            {
                return null;
            }
            if (received.Count >= lineEnd + 2 + length)
            {
                return Encoding.UTF8.GetString([.. received], lineEnd + 2, length);
            }
        }
    }
}
