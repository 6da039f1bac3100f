namespace JobManager.Tests.Infrastructure;

/// <summary>Runs a job by hand until one of its webhooks shows what a test waits for.</summary>
public static class ManualRuns
{
    /// <summary>
    /// Runs the job now, again and again (about twice a second), until a webhook of one of these runs
    /// satisfies <paramref name="predicate"/>: for effects that reach dispatchers with a delay, such as
    /// a rotated signing secret (dispatchers cache secrets for a few seconds).
    /// </summary>
    public static async Task<ReceivedWebhook> RunUntilAsync(
        ApiClient api, WebhookReceiver receiver, string service, string job, string path, Func<ReceivedWebhook, bool> predicate,
        TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var executionId = await api.RunNowAsync(service, job);
            var webhook = await Wait.UntilAsync(
                () => Task.FromResult(receiver.Received(path).FirstOrDefault(w => w.ExecutionId == executionId)),
                timeout, $"the webhook of execution {executionId}");
            if (predicate(webhook))
            {
                return webhook;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No webhook at /{path} showed the expected change within {timeout.TotalSeconds:0} s.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
