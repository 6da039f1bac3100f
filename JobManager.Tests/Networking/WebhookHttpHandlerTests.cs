using System.Net;
using System.Net.Sockets;
using System.Text;
using JobManager.Core.Configuration;
using JobManager.Core.Networking;

namespace JobManager.Tests.Networking;

/// <summary>
/// The dispatcher's webhook handler against real sockets on loopback, with no network allowed unless a
/// test says so: the connect-time half of the SSRF guard.
/// </summary>
public sealed class WebhookHttpHandlerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static HttpClient ClientWith(AddressPolicy policy, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        var handler = WebhookHttpHandler.Create(new WebhookOptions(), policy);
        if (resolve is not null)
        {
            handler.ConnectCallback = new GuardedConnector(policy, resolve).ConnectAsync;
        }
        return new HttpClient(handler) { Timeout = Timeout };
    }

    private static readonly AddressPolicy LoopbackAllowed = new([IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")]);

    [Fact]
    public async Task HostNameResolvingToLoopback_IsRefusedAtConnect_AndNothingConnects()
    {
        using var listener = new LoopbackListener();
        using var client = ClientWith(new AddressPolicy([]));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.PostAsync($"http://localhost:{listener.Port}/hook", new StringContent("{}")));

        Assert.IsType<BlockedAddressException>(error.InnerException);
        Assert.Contains("loopback", error.InnerException!.Message, StringComparison.Ordinal);
        Assert.False(listener.HadConnection);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("2130706433")]
    [InlineData("0x7f.0.0.1")]
    public async Task LiteralLoopback_IsRefusedAtConnect_InAnySpelling(string host)
    {
        using var listener = new LoopbackListener();
        using var client = ClientWith(new AddressPolicy([]));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.PostAsync($"http://{host}:{listener.Port}/hook", new StringContent("{}")));

        Assert.IsType<BlockedAddressException>(error.InnerException);
        Assert.False(listener.HadConnection);
    }

    [Fact]
    public async Task NameWithOnePublicAndOneBlockedAddress_IsRefused()
    {
        using var listener = new LoopbackListener();
        using var client = ClientWith(new AddressPolicy([]),
            (_, _) => Task.FromResult(new[] { IPAddress.Parse("93.184.215.14"), IPAddress.Loopback }));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.PostAsync($"http://mixed.example:{listener.Port}/", new StringContent("{}")));

        Assert.IsType<BlockedAddressException>(error.InnerException);
        Assert.False(listener.HadConnection);
    }

    [Fact]
    public async Task Connection_GoesToTheAddressThatWasChecked_WithoutResolvingAgain()
    {
        // "rebind.example" does not exist in DNS: the request can only arrive if the connector used the
        // address its own resolution returned (and checked) rather than resolving a second time.
        using var listener = new LoopbackListener(respond: "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        using var client = ClientWith(LoopbackAllowed, (_, _) => Task.FromResult(new[] { IPAddress.Loopback }));

        using var response = await client.PostAsync($"http://rebind.example:{listener.Port}/hook", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(listener.HadConnection);
    }

    [Fact]
    public async Task Redirect_IsNotFollowed()
    {
        using var inner = new LoopbackListener();
        using var outer = new LoopbackListener(
            respond: $"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:{inner.Port}/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        using var client = ClientWith(LoopbackAllowed);

        using var response = await client.PostAsync($"http://127.0.0.1:{outer.Port}/hook", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.True(outer.HadConnection);
        Assert.False(inner.HadConnection);
    }

    [Fact]
    public void Handler_UsesNoProxy_AndTheConfiguredConnectTimeout()
    {
        using var handler = WebhookHttpHandler.Create(new WebhookOptions { ConnectTimeoutSeconds = 5 }, new AddressPolicy([]));
        Assert.False(handler.UseProxy);
        Assert.False(handler.AllowAutoRedirect);
        Assert.Equal(TimeSpan.FromSeconds(5), handler.ConnectTimeout);
        Assert.Equal(WebhookHttpHandler.MaxResponseHeadersKiB, handler.MaxResponseHeadersLength);
    }

    /// <summary>A TCP listener on 127.0.0.1 that records whether anything connected, and optionally answers.</summary>
    private sealed class LoopbackListener : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private volatile bool _connected;

        public LoopbackListener(string? respond = null)
        {
            _listener.Start();
            _ = AcceptAsync(respond);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public bool HadConnection => _connected;

        private async Task AcceptAsync(string? respond)
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var socket = await _listener.AcceptSocketAsync(_stop.Token);
                    _connected = true;
                    if (respond is null)
                    {
                        continue;
                    }
                    // Read the whole request (every test posts the body "{}") before answering.
                    var request = new StringBuilder();
                    var buffer = new byte[8192];
                    while (!request.ToString().Contains("\r\n\r\n{}", StringComparison.Ordinal))
                    {
                        var read = await socket.ReceiveAsync(buffer, _stop.Token);
                        if (read == 0)
                        {
                            break;
                        }
                        request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }
                    await socket.SendAsync(Encoding.ASCII.GetBytes(respond), _stop.Token);
                    socket.Shutdown(SocketShutdown.Both);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }
    }
}
