using System.Net;
using JobManager.Core.Schedules;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

/// <summary><c>flexible_window_seconds</c>: instants fire late by a hashed offset; records keep the nominal instant.</summary>
[Collection(AppHostCollection.Name)]
public sealed class FlexibleWindowEndToEndTests(AppHostFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ApiClient _api = fixture.Client;
    private readonly WebhookReceiver _receiver = fixture.Receiver;

    [Fact]
    public async Task Webhook_KeepsTheNominalInstant_AndTheExecutionAddsTheFireTime()
    {
        const int window = 4;
        var service = ApiClient.UniqueService();
        var path = $"flex/{service}";
        var job = await _api.PutJobOkAsync(service, "flex", new
        {
            invocation_target = _receiver.UrlFor(path), schedule = "rate(5 seconds)", flexible_window_seconds = window,
        });
        Assert.Equal(window, job["flexible_window_seconds"]!.GetValue<int>());

        var webhook = (await _receiver.WaitForAsync(path, 1, Timeout))[0];
        var scheduled = webhook.ScheduledTimeMs;
        Assert.Equal(0, scheduled % 1000);
        var fireMs = scheduled + FlexibleWindow.OffsetMs($"{service}/flex", scheduled, window);
        Assert.True(webhook.ReceivedAt.ToUnixTimeMilliseconds() >= fireMs, $"arrived {webhook.ReceivedAt:O}, fire time {fireMs}");

        var execution = await _api.WaitForExecutionAsync(service, "flex", webhook.ExecutionId, e => e["fire_time_ms"] is not null, Timeout);
        Assert.Equal(scheduled, execution["scheduled_time_ms"]!.GetValue<long>());
        Assert.Equal(fireMs, execution["fire_time_ms"]!.GetValue<long>());
        Assert.Equal(ScheduleTime.Format(ScheduleTime.FromUnixMs(fireMs)), execution["fire_time"]!.GetValue<string>());
    }

    [Fact]
    public async Task FireTime_IsTheScheduledTime_WithoutAWindow()
    {
        var service = ApiClient.UniqueService();
        await _api.PutJobOkAsync(service, "plain", new { invocation_target = "https://example.com/hook", schedule = "rate(1 hour)" });
        var job = (await _api.GetJobAsync(service, "plain"))!;
        Assert.Equal(0, job["flexible_window_seconds"]!.GetValue<int>());

        var id = await _api.RunNowAsync(service, "plain");
        var execution = await _api.GetExecutionAsync(service, "plain", id);

        Assert.Equal(execution["scheduled_time_ms"]!.GetValue<long>(), execution["fire_time_ms"]!.GetValue<long>());
        Assert.Equal(execution["scheduled_time"]!.GetValue<string>(), execution["fire_time"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3601)]
    public async Task Put_RefusesAWindowOutOfRange(int window)
    {
        using var response = await _api.PutJobAsync(ApiClient.UniqueService(), "bad", new
        {
            invocation_target = "https://example.com/hook", schedule = "rate(1 hour)", flexible_window_seconds = window,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadProblemAsync(response)).GetProperty("errors").TryGetProperty("flexible_window_seconds", out _));
    }
}
