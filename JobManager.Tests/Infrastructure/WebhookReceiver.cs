using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JobManager.Tests.Infrastructure;

/// <summary>
/// A real service endpoint for the tests: Kestrel on 127.0.0.1 recording every webhook it receives
/// (body, headers, arrival time) per path, answering with whatever status the test chose for that path.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ReceivedWebhook>> _received = new();
    private readonly ConcurrentDictionary<string, Func<ReceivedWebhook, Task<IResult>>> _responders = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    /// <summary>The URL for one test's target; each test uses its own path.</summary>
    public string UrlFor(string path) => $"{BaseUrl}/{path}";

    /// <summary>Sets how the path answers (default: 200 at once).</summary>
    public void Respond(string path, Func<ReceivedWebhook, Task<int>> responder) =>
        _responders[path] = async webhook => Results.StatusCode(await responder(webhook));

    /// <summary>Makes the path answer every webhook with a redirect to <paramref name="location"/>.</summary>
    public void Redirect(string path, string location) =>
        _responders[path] = _ => Task.FromResult(Results.Redirect(location));

    public IReadOnlyList<ReceivedWebhook> Received(string path) =>
        _received.TryGetValue(path, out var queue) ? [.. queue] : [];

    /// <summary>Waits until the path has received at least <paramref name="count"/> webhooks.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(string path, int count, TimeSpan timeout)
    {
        await Wait.UntilAsync(() => Received(path).Count >= count, timeout, $"{count} webhook(s) at /{path}");
        return Received(path);
    }

    private async Task<IResult> HandleAsync(string path, HttpRequest request)
    {
        var arrivedAt = DateTimeOffset.UtcNow;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var raw = buffer.ToArray();
        using var document = JsonDocument.Parse(raw);
        var webhook = new ReceivedWebhook(
            path,
            document.RootElement.Clone(),
            raw,
            request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            request.ContentType,
            arrivedAt);
        _received.GetOrAdd(path, _ => new ConcurrentQueue<ReceivedWebhook>()).Enqueue(webhook);
        return _responders.TryGetValue(path, out var responder) ? await responder(webhook) : Results.Ok();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One webhook as the service received it; <see cref="RawBody"/> is the bytes that were signed.</summary>
public sealed record ReceivedWebhook(
    string Path, JsonElement Body, byte[] RawBody, IReadOnlyDictionary<string, string> Headers, string? ContentType,
    DateTimeOffset ReceivedAt)
{
    public string CallbackUrl => Body.GetProperty("callback_url").GetString()!;
    public string ExecutionId => Body.GetProperty("execution_id").GetString()!;
    public long ScheduledTimeMs => Body.GetProperty("scheduled_time_ms").GetInt64();
}
