extern alias dispatcher;

using dispatcher::JobManager.Dispatcher.Leases;
using JobManager.Core.Dispatch;
using JobManager.Core.Jobs;
using JobManager.Tests.Telemetry;

namespace JobManager.Tests.Webhooks;

/// <summary>Which leases the keeper renews: a reservation ahead of its instant is leased past it already.</summary>
public class LeaseKeeperTests
{
    private const long Now = 1_795_737_600_000;

    [Fact]
    public void Renews_EveryDeliveryInFlight_AndOnlyTheReservationsWhoseInstantHasCome()
    {
        var delivery = TestDeliveries.Of(scheduledMs: Now - 5_000);
        var overdue = Reservation("overdue", Now - 1);
        var dueNow = Reservation("due-now", Now);
        var ahead = Reservation("ahead", Now + 1_500);

        var due = LeaseKeeper.Due([delivery], [overdue, dueNow, ahead], Now);

        Assert.Equal([delivery.ExecutionId, overdue.ExecutionId, dueNow.ExecutionId], due.Select(e => e.ExecutionId));
    }

    [Fact]
    public void HoldOfReservationsAllAhead_RenewsNothing() =>
        Assert.Empty(LeaseKeeper.Due([], [Reservation("a", Now + 1), Reservation("b", Now + 1_500)], Now));

    private static Reservation Reservation(string job, long scheduledMs) =>
        new(Shard: 3, ExecutionId: $"0003-{job}", Job: new JobRef("the-serv", job), ScheduledMs: scheduledMs, Attempt: 1);
}
