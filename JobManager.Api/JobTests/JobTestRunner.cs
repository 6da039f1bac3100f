using JobManager.Core.JobTests;
using JobManager.Core.Storage;

namespace JobManager.Api.JobTests;

/// <summary>
/// Runs a test event: registers its id (so <c>/callback/{id}/{token}</c> accepts it), sends the webhook, then,
/// when asked to and the target answered 2xx, polls the test's key until the callback lands or the wait ends.
/// </summary>
public sealed class JobTestRunner(TestWebhookSender sender, JobTestStore store, RedisKeys keys, TimeProvider time,
    IConfiguration configuration)
{
    public const int MinWaitSeconds = 1;
    public const int MaxWaitSeconds = 30;
    public const int DefaultWaitSeconds = 10;

    // A test polls one small key; the interval bounds how late after_ms is reported, not what it says.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The test event of <paramref name="target"/>; a null <paramref name="wait"/> sends the webhook only (PUT ?test=true).
    /// </summary>
    public async Task<JobTestResponse> RunAsync(JobTestTarget target, HttpRequest request, TimeSpan? wait,
        CancellationToken cancellationToken)
    {
        var shard = keys.ShardOf(target.Job);
        var testId = JobTestId.New(shard);
        await store.StartAsync(shard, testId, wait ?? TimeSpan.Zero);
        var sentAtMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var webhook = await sender.SendAsync(target, testId, CallbackBaseUrl(request), cancellationToken);
        if (wait is not { } waitFor || !webhook.Succeeded)
        {
            return new JobTestResponse(webhook, null);
        }

        var deadlineMs = sentAtMs + (long)waitFor.TotalMilliseconds;
        using var timer = new PeriodicTimer(PollInterval, time);
        while (true)
        {
            if (await store.GetCallbackAsync(shard, testId) is { } callback)
            {
                return new JobTestResponse(webhook, new CallbackTestResult(callback.Status, Math.Max(0, callback.AtMs - sentAtMs)));
            }
            if (time.GetUtcNow().ToUnixTimeMilliseconds() >= deadlineMs)
            {
                return new JobTestResponse(webhook, null);
            }
            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    /// <summary>
    /// <c>JobManager:PublicBaseUrl</c> when set (as the dispatchers have it), else the address this request reached the
    /// Api at: whoever can call the test endpoint can usually reach the callback there too.
    /// </summary>
    private string CallbackBaseUrl(HttpRequest request) =>
        configuration["JobManager:PublicBaseUrl"] is { Length: > 0 } configured
            ? configured
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
