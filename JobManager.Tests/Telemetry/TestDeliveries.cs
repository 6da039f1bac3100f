using System.Diagnostics.Metrics;
using JobManager.Core.Dispatch;
using JobManager.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace JobManager.Tests.Telemetry;

/// <summary>Deliveries and meter factories for telemetry unit tests.</summary>
internal static class TestDeliveries
{
    public static Delivery Of(string service = "the-serv", string job = "my-job-1", long scheduledMs = 1_795_737_600_000,
        int attempt = 1) =>
        new(Shard: 3, ExecutionId: "0003b1f3-0000-4000-8000-000000000001", Job: new JobRef(service, job), ScheduledMs: scheduledMs,
            Attempt: attempt, MissedRuns: 0, InvocationTarget: "http://127.0.0.1:9/hook", Payload: null, Schedule: "rate(1 minute)",
            TtlSeconds: 60, LastSuccessfulExecution: null, ClaimedAtMs: scheduledMs);

    /// <summary>A meter factory of its own, so a test's collectors see only the meters the test creates.</summary>
    public static IMeterFactory NewMeterFactory() =>
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
}
