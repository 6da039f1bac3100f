using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JobManager.Tests.Infrastructure;

/// <summary>
/// An OpenTelemetry collector for the tests: Kestrel on 127.0.0.1 taking OTLP over HTTP/protobuf
/// (<c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>) and keeping every span it is sent. Metrics and
/// logs are accepted and dropped.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ExportedSpan> _spans = new();

    private OtlpTraceReceiver(WebApplication app) => _app = app;

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string Endpoint { get; private set; } = "";

    public IReadOnlyList<ExportedSpan> Spans => [.. _spans];

    /// <summary>The environment that sends a service's telemetry here, exported every fraction of a second.</summary>
    public IReadOnlyDictionary<string, string> ExporterEnvironment => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
    };

    public static async Task<OtlpTraceReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new OtlpTraceReceiver(app);
        app.MapPost("/v1/traces", receiver.ReceiveAsync);
        app.MapPost("/v1/{signal}", () => Results.Ok());
        await app.StartAsync();
        receiver.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var body = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        foreach (var span in OtlpSpanReader.Read(buffer.ToArray()))
        {
            _spans.Enqueue(span);
        }
        // An empty ExportTraceServiceResponse: full success.
        return Results.Bytes([], "application/x-protobuf");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One exported span: who made it (<see cref="Scope"/>, the activity source), its ids and name.</summary>
public sealed record ExportedSpan(string Scope, string Name, string TraceId, string SpanId, string ParentSpanId)
{
    public bool IsRoot => ParentSpanId.Length == 0;
}

/// <summary>
/// Reads the fields the tests need from an OTLP <c>ExportTraceServiceRequest</c> (opentelemetry-proto
/// <c>trace.proto</c>): resource_spans (1) → scope_spans (2) → scope (1) name (1), spans (2) → trace_id
/// (1), span_id (2), parent_span_id (4), name (5). Every other field is skipped by its wire type.
/// </summary>
public static class OtlpSpanReader
{
    public static IEnumerable<ExportedSpan> Read(ReadOnlyMemory<byte> request) =>
        Fields(request).Where(f => f.Number == 1).SelectMany(resource =>
            Fields(resource.Bytes).Where(f => f.Number == 2).SelectMany(ScopeSpans));

    private static IEnumerable<ExportedSpan> ScopeSpans((int Number, ReadOnlyMemory<byte> Bytes) scopeSpans)
    {
        var fields = Fields(scopeSpans.Bytes).ToList();
        var scope = fields.Where(f => f.Number == 1).Select(f => Text(Fields(f.Bytes), 1)).FirstOrDefault() ?? "";
        return fields.Where(f => f.Number == 2).Select(span =>
        {
            var spanFields = Fields(span.Bytes).ToList();
            return new ExportedSpan(scope, Text(spanFields, 5), Hex(spanFields, 1), Hex(spanFields, 2), Hex(spanFields, 4));
        });
    }

    private static string Text(IEnumerable<(int Number, ReadOnlyMemory<byte> Bytes)> fields, int number) =>
        fields.Where(f => f.Number == number).Select(f => System.Text.Encoding.UTF8.GetString(f.Bytes.Span)).FirstOrDefault() ?? "";

    private static string Hex(IEnumerable<(int Number, ReadOnlyMemory<byte> Bytes)> fields, int number) =>
        fields.Where(f => f.Number == number).Select(f => Convert.ToHexStringLower(f.Bytes.Span)).FirstOrDefault() ?? "";

    /// <summary>The message's fields; only length-delimited ones carry their bytes.</summary>
    private static IEnumerable<(int Number, ReadOnlyMemory<byte> Bytes)> Fields(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var key = Varint(message.Span, ref position);
            var number = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    Varint(message.Span, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var length = (int)Varint(message.Span, ref position);
                    yield return (number, message.Slice(position, length));
                    position += length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type {key & 7}.");
            }
        }
    }

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
