using System.Collections.Concurrent;
using JobManager.Core.Jobs;
using JobManager.Core.Storage;
using Microsoft.Extensions.Options;

namespace JobManager.Api.Limits;

/// <summary>
/// Decides whether a PUT may create one more job under <see cref="LimitsOptions.JobsPerService"/>
/// without counting the service's jobs in every shard (a read per shard) on every PUT. A count read in
/// the last second, plus the jobs this process created since, is trusted while it stays a tenth under
/// the limit; closer to the limit every PUT counts exactly. The limit stays soft as before: concurrent
/// creations, here or on other Api replicas, may pass it by a few.
/// </summary>
public sealed class ServiceJobCounter(JobStore store, TimeProvider clock, IOptions<LimitsOptions> limits)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    /// <summary>Services remembered at most; past it the cache starts over, so it cannot grow without bound.</summary>
    private const int MaxServices = 10_000;

    private readonly ConcurrentDictionary<string, CachedCount> counts = new(StringComparer.Ordinal);

    public int Limit => limits.Value.JobsPerService;

    /// <summary>Whether writing <paramref name="job"/> keeps its service within the limit (an update always does).</summary>
    public async ValueTask<bool> AllowsAsync(JobRef job)
    {
        var max = Limit;
        var now = clock.GetTimestamp();
        if (counts.TryGetValue(job.Service, out var cached)
            && clock.GetElapsedTime(cached.ReadAt, now) < Freshness
            && cached.Jobs < max - Math.Max(1, max / 10))
        {
            return true;
        }

        var exact = await store.CountAsync(job.Service);
        if (counts.Count >= MaxServices)
        {
            counts.Clear();
        }
        counts[job.Service] = new CachedCount(exact, now);
        return exact < max || await store.ExistsAsync(job);
    }

    /// <summary>Counts a job this process just created, until the next exact read.</summary>
    public void Created(string service) =>
        counts.AddOrUpdate(service, static (_, now) => new CachedCount(1, now), static (_, c, _) => c with { Jobs = c.Jobs + 1 },
            clock.GetTimestamp());

    private readonly record struct CachedCount(long Jobs, long ReadAt);
}
