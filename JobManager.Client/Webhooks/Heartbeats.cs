using System.Net;
using JobManager.Client.Resources;
using Microsoft.Extensions.Logging;

namespace JobManager.Client.Webhooks;

/// <summary>
/// Keeps a running execution alive: a heartbeat before each deadline, which the Api moves to now + TTL. The
/// webhook does not carry the TTL, so the first heartbeat goes out early (half a second: TTLs are at least one
/// second and the deadline starts after the 2xx) and each later one when half the time left has passed. When
/// the Api says the execution is over (409: it timed out, 404: removed), the handler is cancelled. Each heartbeat
/// carries the handler's last progress, which the Api shows on the running execution (<c>progress_state</c>).
/// </summary>
internal sealed class Heartbeats(
    IJobManagerClient callbacks, Uri callbackUrl, TimeSpan? fixedInterval, TimeProvider clock,
    CancellationTokenSource run, ILogger logger, string executionId)
{
    internal static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ProgressThrottle = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _nextDue;
    private DateTimeOffset? _lastSent;

    public DateTimeOffset? Deadline { get; private set; }

    public int Sent { get; private set; }

    /// <summary>What the handler last reported; sent with every heartbeat from then on.</summary>
    public JobProgress? Progress { get; set; }

    /// <summary>The execution ended without this run's final callback; none should be sent.</summary>
    public bool EndedElsewhere { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task RunAsync(TimeSpan firstDelay, CancellationToken stop)
    {
        _nextDue = Now + (fixedInterval ?? firstDelay);
        while (!stop.IsCancellationRequested && !EndedElsewhere)
        {
            var wait = _nextDue - Now;
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stop);
                    continue; // a progress report may have moved the next heartbeat meanwhile
                }
                await BeatAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>A heartbeat now, unless one went out less than a second ago.</summary>
    public async Task BeatSoonAsync(CancellationToken cancellationToken)
    {
        if (EndedElsewhere || (_lastSent is { } last && Now - last < ProgressThrottle))
        {
            return;
        }
        await BeatAsync(cancellationToken);
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var progress = Progress;
            var report = new CallbackReport(CallbackReport.Heartbeat,
                JobRunner.Limit(progress?.State, JobRunner.MaxStateBytes), JobRunner.Limit(progress?.Summary, JobRunner.MaxSummaryBytes));
            var result = await callbacks.SendCallbackAsync(callbackUrl, report, cancellationToken);
            Sent++;
            _lastSent = Now;
            Deadline = result.Deadline;
            var half = result.Deadline is { } deadline ? (deadline - Now) / 2 : FirstDelay;
            _nextDue = Now + (fixedInterval ?? (half > MinInterval ? half : MinInterval));
        }
        catch (JobManagerApiException e) when (e.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            EndedElsewhere = true;
            Log.ExecutionEndedElsewhere(logger, executionId, (int)e.StatusCode, e.Message);
            await run.CancelAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Transient (the resilience handler already retried): try again soon, the deadline is still ahead.
            Log.HeartbeatFailed(logger, executionId, e);
            _nextDue = Now + RetryDelay;
        }
        finally
        {
            _gate.Release();
        }
    }
}
