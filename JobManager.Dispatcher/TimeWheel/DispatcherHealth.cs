using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobManager.Dispatcher.TimeWheel;

/// <summary>
/// Ready while the dispatch loop can reach Redis. The loop reports each success or failure, so the
/// check turns healthy again by itself once Redis is back.
/// </summary>
public sealed class DispatcherHealth : IHealthCheck
{
    private volatile bool _reachable = true;
    private volatile string _reason = "";

    public void ReportReachable() => _reachable = true;

    public void ReportUnreachable(string reason = "Redis is unreachable from the dispatch loop")
    {
        _reason = reason;
        _reachable = false;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_reachable ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(_reason));
}
