using System.Diagnostics;

namespace JobManager.Bench.Client;

/// <summary>The outcome of creating many jobs at once.</summary>
public sealed record BulkPutResult(int Created, TimeSpan Elapsed, IReadOnlyDictionary<string, long?> NextMsByJob)
{
    public double PerSecond => Created / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>Creates jobs with N concurrent clients, as fast as the Api takes them.</summary>
public static class BulkPut
{
    /// <summary>
    /// PUTs every spec with <paramref name="concurrency"/> requests in flight. Stops at the first
    /// refused PUT: a benchmark on a half-created load would measure the wrong thing.
    /// </summary>
    public static async Task<BulkPutResult> RunAsync(JobsClient client, IReadOnlyList<JobSpec> specs, int concurrency,
        Action<int>? onProgress, CancellationToken cancellationToken)
    {
        var next = new long?[specs.Count];
        var done = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, specs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                next[i] = await client.PutAsync(specs[i], ct);
                onProgress?.Invoke(Interlocked.Increment(ref done));
            });
        clock.Stop();
        var byJob = new Dictionary<string, long?>(specs.Count);
        for (var i = 0; i < specs.Count; i++)
        {
            byJob[specs[i].Job] = next[i];
        }
        return new BulkPutResult(specs.Count, clock.Elapsed, byJob);
    }

    /// <summary>Deletes jobs (live systems only: a self-hosted one is torn down whole).</summary>
    public static Task DeleteAllAsync(JobsClient client, IEnumerable<JobSpec> specs, int concurrency,
        CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(specs, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (spec, ct) => await client.DeleteAsync(spec.Service, spec.Job, ct));
}
