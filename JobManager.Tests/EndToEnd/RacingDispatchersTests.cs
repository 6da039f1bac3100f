using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.EndToEnd;

[Collection(AppHostCollection.Name)]
public sealed class RacingDispatchersTests(AppHostFixture fixture)
{
    private readonly ApiClient _api = fixture.Client;
    private readonly WebhookReceiver _receiver = fixture.Receiver;

    [Fact]
    public async Task TwoDispatchers_RecordExactlyOneExecutionPerJobInstant()
    {
        Assert.True(fixture.DispatcherReplicas >= 2, "the app host must run at least two dispatchers for this test");
        var service = ApiClient.UniqueService("race");
        const int jobs = 60;
        var names = Enumerable.Range(0, jobs).Select(i => $"job-{i:00}").ToList();
        await Task.WhenAll(names.Select(name => _api.PutJobOkAsync(service, name, new
        {
            invocation_target = _receiver.UrlFor($"{service}/{name}"), schedule = "rate(1 second)",
        })));

        await Task.Delay(TimeSpan.FromSeconds(5));
        await Task.WhenAll(names.Select(name => _api.PutJobOkAsync(service, name, new
        {
            invocation_target = _receiver.UrlFor($"{service}/{name}"), schedule = "rate(1 second)", enabled = false,
        })));
        // Let deliveries claimed before the disable land.
        await Task.Delay(TimeSpan.FromSeconds(1));

        var totalInstants = 0;
        foreach (var name in names)
        {
            var executions = await _api.ExecutionsAsync(service, name);
            var instants = executions.Select(e => e["scheduled_time_ms"]!.GetValue<long>()).ToList();
            Assert.Equal(instants.Count, instants.Distinct().Count());
            Assert.True(instants.Count >= 3, $"{name} fired {instants.Count} times in 5 s");
            var sorted = instants.Order().ToList();
            // rate(1 second): consecutive instants, none skipped.
            Assert.Equal(Enumerable.Range(0, sorted.Count).Select(i => sorted[0] + i * 1000L), sorted);

            var webhooks = _receiver.Received($"{service}/{name}");
            Assert.Equal(executions.Select(e => e["execution_id"]!.GetValue<string>()).Order(),
                webhooks.Select(w => w.ExecutionId).Distinct().Order());
            totalInstants += instants.Count;
        }
        Assert.True(totalInstants >= jobs * 3);
    }
}
