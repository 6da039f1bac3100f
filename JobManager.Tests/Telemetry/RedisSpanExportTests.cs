using System.Globalization;
using JobManager.Shared;
using JobManager.Tests.Infrastructure;
using Xunit.Abstractions;

namespace JobManager.Tests.Telemetry;

/// <summary>
/// What the services export to an OTLP collector: Redis commands only inside the spans they serve, so idle
/// dispatchers fill no trace list with root <c>ZCARD</c>/<c>ZCOUNT</c> spans, and an execution's trace still
/// shows its Redis work.
/// </summary>
public sealed class RedisSpanExportTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    private const string RedisScope = "OpenTelemetry.Instrumentation.StackExchangeRedis";
    private const string AdminKey = "redis-span-admin-key-0123456789abcdefghijklmnopqrstuv";

    /// <summary>
    /// Long enough for the work sampler (every 5 s), the idle dispatch loop (10 s at most) and the Redis
    /// instrumentation's flush of commands without a parent (every 10 s) to each have run more than once.
    /// </summary>
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task IdleServices_ExportNoRootRedisSpan_AndAnExecutionsTraceHoldsItsRedisSpans()
    {
        await using var collector = await OtlpTraceReceiver.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = Start("api", "JobManager.Api", collector, []);
        using var dispatcher = Start("dispatcher", "JobManager.Dispatcher", collector, new() { ["JobManager__PublicBaseUrl"] = api.Url });
        await Task.WhenAll(api.WaitHealthyAsync(TimeSpan.FromSeconds(60)), dispatcher.WaitHealthyAsync(TimeSpan.FromSeconds(60)));

        // An observation window, not a guess at when something is done: the assertion is that nothing appears.
        var idleUntil = DateTime.UtcNow + IdleWindow;
        while (DateTime.UtcNow < idleUntil && !collector.Spans.Any(IsRootRedisSpan))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
        var roots = collector.Spans.Where(IsRootRedisSpan).ToList();
        Assert.True(roots.Count == 0, $"{roots.Count} root Redis spans, e.g. {string.Join(", ", roots.Take(5).Select(s => s.Name))}");

        using var http = new HttpClient { BaseAddress = new Uri(api.Url) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
        var client = new ApiClient(http);
        var service = ApiClient.UniqueService("spans");
        var job = new { invocation_target = receiver.UrlFor(service), schedule = "rate(1 day)", enabled = false };
        await client.PutJobOkAsync(service, "traced", job);
        var executionId = await client.RunNowAsync(service, "traced");
        await receiver.WaitForAsync(service, 1, TimeSpan.FromSeconds(30));

        // The dispatch span's trace holds Redis spans under it (the instrumentation flushes them after it ends).
        var trace = await Wait.UntilAsync(() => Task.FromResult(collector.Spans
            .Where(s => s.Scope == "JobManager.Dispatcher" && s.Name.Contains(service, StringComparison.Ordinal))
            .Select(dispatch => collector.Spans.Where(s => s.TraceId == dispatch.TraceId).ToList())
            .FirstOrDefault(spans => spans.Any(s => s.Scope == RedisScope))),
            TimeSpan.FromSeconds(40), $"the Redis spans of execution {executionId}");
        output.WriteLine(string.Join(Environment.NewLine, trace.Select(s => $"{s.Scope} {s.Name} parent={s.ParentSpanId}")));
        Assert.All(trace.Where(s => s.Scope == RedisScope), span => Assert.False(span.IsRoot));
        Assert.DoesNotContain(collector.Spans, IsRootRedisSpan);
    }

    private static bool IsRootRedisSpan(ExportedSpan span) => span.Scope == RedisScope && span.IsRoot;

    private ServiceProcess Start(string name, string project, OtlpTraceReceiver collector, Dictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>(collector.ExporterEnvironment)
        {
            ["ConnectionStrings__redis"] = $"127.0.0.1:{redis.Port}",
            ["JobManager__CallbackSecret"] = "redis-span-callback-secret-0123456789abcdefghijklmnop",
            ["JobManager__AdminKeys__0"] = AdminKey,
            ["JobManager__Webhooks__AllowedNetworks__0"] = "127.0.0.0/8",
            ["OTEL_SERVICE_NAME"] = name,
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }
        var process = new ServiceProcess(
            $"spans-{name}-{Guid.NewGuid():N}", BuildOutput.AssemblyOf(project), FreePort.Next(), environment);
        process.Start();
        return process;
    }
}
