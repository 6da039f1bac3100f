using System.Text.Json;
using JobManager.Client.Webhooks;

namespace JobManager.Sample;

/// <summary>
/// The sample's job: three batches of work, longer together than its TTL, so it lives on the heartbeats the
/// library sends; it counts its runs in the state the previous success left.
/// </summary>
public static class ReportJob
{
    public const string Name = "report";
    public const string Path = "/jobs/report";
    public const int TtlSeconds = 5;
    private const int Batches = 3;
    private static readonly TimeSpan BatchTime = TimeSpan.FromSeconds(2.5);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JobResult> RunAsync(JobInvocation job, CancellationToken cancellationToken)
    {
        var runs = ReadRuns(job.LastSuccessfulExecution?.State);
        for (var batch = 1; batch <= Batches; batch++)
        {
            await Task.Delay(BatchTime, cancellationToken);
            await job.ReportProgressAsync(summary: $"batch {batch} of {Batches} done", cancellationToken: cancellationToken);
        }
        var state = JsonSerializer.Serialize(new SampleState(runs + 1), Json);
        return JobResult.Success(state, $"Run {runs + 1}: {Batches} batches for the run scheduled at {job.ScheduledTime:u}");
    }

    private static int ReadRuns(string? state) =>
        state is null ? 0 : JsonSerializer.Deserialize<SampleState>(state, Json)?.Runs ?? 0;

    private sealed record SampleState(int Runs);
}
