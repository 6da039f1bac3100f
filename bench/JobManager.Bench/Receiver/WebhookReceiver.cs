using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace JobManager.Bench.Receiver;

/// <summary>
/// The service the jobs call: Kestrel on 127.0.0.1 (a free port) with one route, <c>POST /webhook</c>.
/// It notes the arrival time before reading the body, answers 200 at once, and leaves the callback
/// to the <see cref="CallbackSender"/>.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, ArrivalLog arrivals, CallbackSender callbacks, Uri url)
    {
        _app = app;
        Arrivals = arrivals;
        Callbacks = callbacks;
        WebhookUrl = url;
    }

    public ArrivalLog Arrivals { get; }

    public CallbackSender Callbacks { get; }

    /// <summary>The <c>invocation_target</c> for jobs, e.g. <c>http://127.0.0.1:41234/webhook</c>.</summary>
    public Uri WebhookUrl { get; }

    public static async Task<WebhookReceiver> StartAsync(CallbackSender callbacks, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var arrivals = new ArrivalLog();
        app.MapPost("/webhook", (HttpRequest request) => ReceiveAsync(request, arrivals, callbacks));
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookReceiver(app, arrivals, callbacks, new Uri(new Uri(address), "/webhook"));
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, ArrivalLog arrivals, CallbackSender callbacks)
    {
        var arrivedMs = WallClock.NowMs;
        WebhookEnvelope? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, ReceiverJsonContext.Default.WebhookEnvelope,
                request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is not { ExecutionId: { } id, ServiceName: { } service, JobName: { } job })
        {
            arrivals.AddUnparsable();
            // Still 200: a bench that fails deliveries would change what it measures.
            return Results.Ok();
        }
        arrivals.Add(new Arrival(arrivedMs, body.ScheduledTimeMs, id, service, job));
        if (body.CallbackUrl is { } callbackUrl)
        {
            callbacks.Enqueue(callbackUrl);
        }
        return Results.Ok();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
