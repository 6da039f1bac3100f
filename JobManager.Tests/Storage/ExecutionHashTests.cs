using JobManager.Core.Executions;
using JobManager.Core.Storage;
using StackExchange.Redis;

namespace JobManager.Tests.Storage;

/// <summary>Reading an execution hash into the API's execution.</summary>
public class ExecutionHashTests
{
    [Theory]
    [InlineData(-2, 0)]
    [InlineData(0, 0)]
    [InlineData(31, 31)]
    public void InvocationLatency_IsTheClaimsLateness_AndNeverNegative_AsInTheWebhook(long claimedAfterMs, long expectedMs)
    {
        var execution = ExecutionHash.ToExecution("0001-x", Hash(new HashEntry(ExecutionHash.ClaimedAfter, claimedAfterMs)));

        Assert.Equal(expectedMs, execution.InvocationLatencyMs);
    }

    [Fact]
    public void InvocationLatency_IsAbsent_UntilTheWebhookWasSent()
    {
        var execution = ExecutionHash.ToExecution("0001-x", new RedisHash(
        [
            new(ExecutionHash.Service, "svc"), new(ExecutionHash.Job, "job"), new(ExecutionHash.ScheduledMs, 1_000_000),
            new(ExecutionHash.Status, ExecutionStatus.Pending), new(ExecutionHash.ClaimedAfter, -2),
        ]));

        Assert.Null(execution.InvocationLatencyMs);
    }

    [Fact]
    public void ClaimedAt_IsTheScheduledTimePlusTheClaimsLateness_AndTheTraceParentIsUnpacked()
    {
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var packed = Convert.FromHexString(traceParent.Replace("-", "", StringComparison.Ordinal));

        var execution = ExecutionHash.ToExecution("0001-x", new RedisHash(
        [
            new(ExecutionHash.Service, "svc"), new(ExecutionHash.Job, "job"), new(ExecutionHash.ScheduledMs, 1_000_000),
            new(ExecutionHash.Status, ExecutionStatus.Running), new(ExecutionHash.ClaimedAfter, 31),
            new(ExecutionHash.TraceParent, packed),
        ]));

        Assert.Equal(1_000_031, execution.ClaimedAtMs);
        Assert.Equal(traceParent, execution.TraceParent);
    }

    [Fact]
    public void ClaimedAt_AndTraceParent_AreAbsent_ForAnUnclaimedUntracedRun()
    {
        var execution = ExecutionHash.ToExecution("0001-x", new RedisHash(
        [
            new(ExecutionHash.Service, "svc"), new(ExecutionHash.Job, "job"), new(ExecutionHash.ScheduledMs, 1_000_000),
            new(ExecutionHash.Status, ExecutionStatus.Pending),
        ]));

        Assert.Null(execution.ClaimedAtMs);
        Assert.Null(execution.TraceParent);
    }

    private static RedisHash Hash(HashEntry claimed) => new(
    [
        new(ExecutionHash.Service, "svc"), new(ExecutionHash.Job, "job"), new(ExecutionHash.ScheduledMs, 1_000_000),
        new(ExecutionHash.Status, ExecutionStatus.Running), new(ExecutionHash.InvokedAfter, 40), claimed,
    ]);
}
