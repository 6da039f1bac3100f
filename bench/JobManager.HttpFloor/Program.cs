using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using JobManager.Shared;

// Measures how fast this machine can carry webhook-sized POSTs from one .NET process to another over
// loopback, with nothing of JobManager in between: the floor under the burst and steady figures.
// Usage: dotnet run -c Release --project bench/JobManager.HttpFloor -- [requests (10000)] [concurrency (256)] [rounds (6)]
if (args is ["receive", var portText])
{
    await Receiver.RunAsync(int.Parse(portText, CultureInfo.InvariantCulture));
    return 0;
}

var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 256;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 6;
var port = FreePort.Next();
using var receiver = Receiver.Start(port);
try
{
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false });
    var url = new Uri($"http://127.0.0.1:{port}/webhook");
    await WaitUntilUpAsync(client, url);
    Console.WriteLine($"{requests:N0} POSTs of {SampleWebhook.Body.Length} bytes per round, {concurrency} at a time, "
        + $"{Environment.ProcessorCount} cores; the first rounds warm the JIT up");
    for (var round = 1; round <= rounds; round++)
    {
        var senderCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var receiverCpu = ProcessCpu(receiver);
        var clock = Stopwatch.StartNew();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= requests)
            {
                using var content = new ByteArrayContent(SampleWebhook.Body);
                content.Headers.ContentType = new("application/json");
                using var response = await client.PostAsync(url, content);
                response.EnsureSuccessStatusCode();
            }
        }));
        var elapsed = clock.Elapsed;
        var sent = (Process.GetCurrentProcess().TotalProcessorTime - senderCpu).TotalMicroseconds / requests;
        var received = (ProcessCpu(receiver) - receiverCpu).TotalMicroseconds / requests;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round {round}: {elapsed.TotalMilliseconds,7:F0} ms, {requests / elapsed.TotalSeconds,8:N0} POST/s, "
            + $"CPU per POST: sender {sent,5:F0} µs, receiver {received,5:F0} µs"));
        await Task.Delay(TimeSpan.FromSeconds(1));
    }
}
finally
{
    receiver.Kill(entireProcessTree: true);
}
return 0;


static async Task WaitUntilUpAsync(HttpClient client, Uri url)
{
    var deadline = Stopwatch.StartNew();
    while (true)
    {
        try
        {
            using var content = new ByteArrayContent(SampleWebhook.Body);
            using var response = await client.PostAsync(url, content);
            return;
        }
        catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }
    }
}

// utime + stime from /proc, as the bench reads them for the services.
static TimeSpan ProcessCpu(Process process)
{
    var fields = File.ReadAllText($"/proc/{process.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    return TimeSpan.FromSeconds(ticks / 100.0);
}

/// <summary>A webhook body of the size JobManager sends (see the README's example).</summary>
internal static class SampleWebhook
{
    // One JSON line; split here only to keep the source lines short.
    public static readonly byte[] Body = Encoding.UTF8.GetBytes("""
        {"callback_url":"http://127.0.0.1:5080/callback/000b1f3e-6a2e-4c1d-9f00-5e8a7c6b4d21/LpzMeCiRrBUY6MreI43Kou1QqPIIIFh3eWZXMJ8Gnqo",
        "invocation_latency_ms":31,"execution_id":"000b1f3e-6a2e-4c1d-9f00-5e8a7c6b4d21","service":"bench","job":"job-000123",
        "schedule":"rate(10 seconds)","scheduled_time_ms":1764201600000,"scheduled_time":"2025-11-27T00:00:00Z",
        "ttl_seconds":60,"payload":{"batch":"nightly","size":500},"last_successful_execution":
        {"name":"000b1f3e-1a2b-4c3d-8e4f-5a6b7c8d9e0f","scheduled_time_ms":1764201590000,
        "scheduled_time":"2025-11-26T23:59:50Z","service_invoked_at_ms":1764201590012,"status":"success",
        "state":{"cursor":"a1b2c3"},"summary":"processed 500"}}
        """.ReplaceLineEndings(""));
}

/// <summary>The other end: Kestrel on 127.0.0.1 answering 200 to every POST after reading its body.</summary>
internal static class Receiver
{
    public static Process Start(int port)
    {
        var self = Environment.ProcessPath!;
        var start = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new ProcessStartInfo(self)
            {
                ArgumentList = { typeof(Receiver).Assembly.Location, "receive", port.ToString(CultureInfo.InvariantCulture) },
            }
            : new ProcessStartInfo(self) { ArgumentList = { "receive", port.ToString(CultureInfo.InvariantCulture) } };
        return Process.Start(start)!;
    }

    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/webhook", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            return Results.Ok();
        });
        await app.RunAsync();
    }
}
