using System.Net;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using JobManager.Core.Executions;
using JobManager.Core.Storage;
using JobManager.Tests.Infrastructure;
using StackExchange.Redis;

namespace JobManager.Tests.EndToEnd;

/// <summary>
/// One trace per execution, as a service sees it: the webhook carries a W3C <c>traceparent</c> (so the
/// service's own spans join the trace), and the execution records the same trace for the Api's callbacks.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed partial class TraceContextTests(AppHostFixture fixture)
{
    private readonly ApiClient _api = fixture.Client;
    private readonly WebhookReceiver _receiver = fixture.Receiver;

    [GeneratedRegex("^00-(?<trace>[0-9a-f]{32})-(?<span>[0-9a-f]{16})-0[0-9a-f]$")]
    private static partial Regex TraceParent();

    [Fact]
    public async Task Webhook_CarriesATraceparent_WhoseTraceTheExecutionKeepsForItsCallbacks()
    {
        var service = ApiClient.UniqueService("trace");
        var path = $"{service}/hook";
        await _api.PutJobOkAsync(service, "traced", new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 second)" });

        var webhook = (await _receiver.WaitForAsync(path, 1, TimeSpan.FromSeconds(15)))[0];
        await _api.PutJobOkAsync(service, "traced",
            new { invocation_target = _receiver.UrlFor(path), schedule = "rate(1 second)", enabled = false });

        Assert.True(webhook.Headers.TryGetValue("traceparent", out var header), "the webhook has no traceparent header");
        var sent = TraceParent().Match(header);
        Assert.True(sent.Success, $"not a W3C traceparent: {header}");
        var stored = TraceParent().Match(await StoredTraceParentAsync(webhook.ExecutionId));
        Assert.True(stored.Success);
        Assert.Equal(sent.Groups["trace"].Value, stored.Groups["trace"].Value);

        // The Api finds that context and records the callback in the same trace; the caller sees a plain 200.
        using var response = await _api.CallbackAsync(webhook.CallbackUrl, new { status = "success" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // Written with the webhook's answer (mark_started), which may land a moment after the service saw the webhook.
    private async Task<string> StoredTraceParentAsync(string executionId)
    {
        var keys = new RedisKeys(16);
        Assert.True(ExecutionId.TryGetShard(executionId, keys.ShardCount, out var shard));
        var connectionString = await fixture.App.GetConnectionStringAsync("redis")
            ?? throw new InvalidOperationException("The app host gave no connection string for 'redis'.");
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var key = keys.Execution(shard.Value, executionId);
        return await Wait.UntilAsync(async () =>
            TraceParentField.Unpack(await redis.GetDatabase().HashGetAsync(key, ExecutionHash.TraceParent)),
            TimeSpan.FromSeconds(15), $"execution {executionId} to record its trace context");
    }
}
