using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

/// <summary><c>POST .../backfill</c>: one execution per past instant in a range, delivered now.</summary>
[Collection(AppHostCollection.Name)]
public sealed class BackfillTests(AppHostFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ApiClient _api = fixture.Client;
    private readonly WebhookReceiver _receiver = fixture.Receiver;

    private async Task<(HttpStatusCode Status, JsonElement Body)> BackfillAsync(string service, string job, object body)
    {
        using var response = await _api.Http.PostAsJsonAsync($"/services/{service}/jobs/{job}/backfill", body);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task DisabledJob_GetsOneExecutionPerInstant_InItsZone_DeliveredNow()
    {
        var service = ApiClient.UniqueService();
        var path = $"backfill/{service}";
        await _api.PutJobOkAsync(service, "daily", new
        {
            invocation_target = _receiver.UrlFor(path), schedule = "cron(0 9 * * ? *)", timezone = "Europe/Berlin", enabled = false,
        });

        var (status, body) = await BackfillAsync(service, "daily", new { from = "2026-03-27T00:00:00Z", to = "2026-03-30T07:00:00Z" });

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(4, body.GetProperty("count").GetInt32());
        var ids = body.GetProperty("execution_ids").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(4, ids.Distinct().Count());
        var webhooks = await _receiver.WaitForAsync(path, 4, Timeout);
        // 09:00 in Berlin: CET (08:00Z) until the clocks go forward on 29 March, CEST (07:00Z) after.
        Assert.Equal(
            ["2026-03-27T08:00:00Z", "2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z", "2026-03-30T07:00:00Z"],
            webhooks.Select(w => w.Body.GetProperty("scheduled_time").GetString()!).Order());
        Assert.Equal(ids.Order(), webhooks.Select(w => w.ExecutionId).Order());
        var execution = await _api.GetExecutionAsync(service, "daily", ids[0]);
        Assert.Equal("backfill", execution["trigger"]!.GetValue<string>());
        Assert.Equal("2026-03-27T08:00:00Z", execution["scheduled_time"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExclusiveJob_GetsItsBackfill_OneAfterAnother_InScheduleOrder()
    {
        var service = ApiClient.UniqueService();
        var path = $"backfill-x/{service}";
        await _api.PutJobOkAsync(service, "hourly", new
        {
            invocation_target = _receiver.UrlFor(path), schedule = "cron(0 * * * ? *)", exclusive = true, enabled = false,
        });

        var (status, body) = await BackfillAsync(service, "hourly", new { from = "2026-01-01T00:00:00Z", to = "2026-01-01T02:30:00Z" });
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(3, body.GetProperty("count").GetInt32());

        // Each webhook is answered with a success callback; the next may only come after it.
        for (var n = 1; n <= 3; n++)
        {
            var webhook = (await _receiver.WaitForAsync(path, n, Timeout))[n - 1];
            using var callback = await _api.CallbackAsync(webhook.CallbackUrl, new { status = "success" });
            Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        }

        var received = _receiver.Received(path);
        Assert.Equal(
            ["2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z"],
            received.Select(w => w.Body.GetProperty("scheduled_time").GetString()!));
        var executions = new List<JsonObjectView>();
        foreach (var webhook in received)
        {
            var e = await _api.GetExecutionAsync(service, "hourly", webhook.ExecutionId);
            executions.Add(new JsonObjectView(e["service_invoked_at_ms"]!.GetValue<long>(), e["finished_at"]!.GetValue<DateTimeOffset>()));
            Assert.Equal("success", e["status"]!.GetValue<string>());
        }
        for (var i = 1; i < executions.Count; i++)
        {
            Assert.True(executions[i].InvokedMs >= executions[i - 1].FinishedAt.ToUnixTimeMilliseconds(),
                $"backfill {i + 1} was sent before backfill {i} finished");
        }
    }

    [Fact]
    public async Task RangeOfMoreThanAThousandInstants_IsRefused_NamingTo()
    {
        var service = ApiClient.UniqueService();
        // The thousand webhooks go to the receiver, which answers at once: they hold no delivery slot long.
        var path = $"backfill-many/{service}";
        await _api.PutJobOkAsync(service, "minutely", new { invocation_target = _receiver.UrlFor(path), schedule = "cron(* * * * ? *)" });

        var (status, body) = await BackfillAsync(service, "minutely", new { from = "2026-01-01T00:00:00Z", to = "2026-01-01T16:40:00Z" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("to", out _), body.ToString());
        // 16:39 is the thousandth minute from 00:00: allowed.
        var (allowed, created) = await BackfillAsync(service, "minutely", new { from = "2026-01-01T00:00:00Z", to = "2026-01-01T16:39:00Z" });
        Assert.Equal(HttpStatusCode.Accepted, allowed);
        Assert.Equal(1000, created.GetProperty("count").GetInt32());
        Assert.Equal(1000, (await _receiver.WaitForAsync(path, 1000, Timeout)).Select(w => w.ExecutionId).Distinct().Count());
    }

    [Fact]
    public async Task BadRange_NamesEveryField_AndAnUnknownJobIs404()
    {
        var service = ApiClient.UniqueService();
        await _api.PutJobOkAsync(service, "job", new { invocation_target = "https://example.com/hook", schedule = "rate(1 hour)" });

        var (status, body) = await BackfillAsync(service, "job", new { to = "yesterday", extra = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("from", out _) && errors.TryGetProperty("to", out _) && errors.TryGetProperty("extra", out _), errors.ToString());

        var (missing, _) = await BackfillAsync(service, "nope", new { from = "2026-01-01T00:00:00Z", to = "2026-01-01T01:00:00Z" });
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    private sealed record JsonObjectView(long InvokedMs, DateTimeOffset FinishedAt);
}
