using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Cluster;

// The store and dispatch suites once more, on a Redis Cluster of three masters: each class below inherits
// every test of the class it names and runs them on a RedisClusterFixture instead of the shared redis-server.
// A script that touches a key outside its hash slot, or a store call that spans slots, fails here (CROSSSLOT).
// Each class has a cluster of its own, in a collection of its own: a deployment has one shard count, while
// the suites use several, and a shard's sets holding another count's jobs would span slots where the single
// server does not mind. Skipped, with the reason, where redis-server is not installed.

[Collection(nameof(ClusterServiceJobCounterTests)), NeedsRedisServer]
public sealed class ClusterServiceJobCounterTests(RedisClusterFixture cluster)
    : Limits.ServiceJobCounterTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterApplyCallbackTests)), NeedsRedisServer]
public sealed class ClusterApplyCallbackTests(RedisClusterFixture cluster)
    : Storage.ApplyCallbackTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterCallbackBeforeAnswerTests)), NeedsRedisServer]
public sealed class ClusterCallbackBeforeAnswerTests(RedisClusterFixture cluster)
    : Storage.CallbackBeforeAnswerTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterClaimAheadTests)), NeedsRedisServer]
public sealed class ClusterClaimAheadTests(RedisClusterFixture cluster)
    : Storage.ClaimAheadTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterClaimCatchupTests)), NeedsRedisServer]
public sealed class ClusterClaimCatchupTests(RedisClusterFixture cluster)
    : Storage.ClaimCatchupTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterClaimDueTests)), NeedsRedisServer]
public sealed class ClusterClaimDueTests(RedisClusterFixture cluster)
    : Storage.ClaimDueTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterCronQueueTests)), NeedsRedisServer]
public sealed class ClusterCronQueueTests(RedisClusterFixture cluster)
    : Storage.CronQueueTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterDeadlineTests)), NeedsRedisServer]
public sealed class ClusterDeadlineTests(RedisClusterFixture cluster)
    : Storage.DeadlineTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterDeliveryOutcomeTests)), NeedsRedisServer]
public sealed class ClusterDeliveryOutcomeTests(RedisClusterFixture cluster)
    : Storage.DeliveryOutcomeTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterExecutionLayoutTests)), NeedsRedisServer]
public sealed class ClusterExecutionLayoutTests(RedisClusterFixture cluster)
    : Storage.ExecutionLayoutTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterExecutionListingTests)), NeedsRedisServer]
public sealed class ClusterExecutionListingTests(RedisClusterFixture cluster)
    : Storage.ExecutionListingTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterJobListingTests)), NeedsRedisServer]
public sealed class ClusterJobListingTests(RedisClusterFixture cluster)
    : Storage.JobListingTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterJobUpsertTests)), NeedsRedisServer]
public sealed class ClusterJobUpsertTests(RedisClusterFixture cluster)
    : Storage.JobUpsertTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterReclaimTests)), NeedsRedisServer]
public sealed class ClusterReclaimTests(RedisClusterFixture cluster)
    : Storage.ReclaimTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterRecordBatchTests)), NeedsRedisServer]
public sealed class ClusterRecordBatchTests(RedisClusterFixture cluster)
    : Storage.RecordBatchTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterRetentionTests)), NeedsRedisServer]
public sealed class ClusterRetentionTests(RedisClusterFixture cluster)
    : Storage.RetentionTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterSigningSecretEnsureTests)), NeedsRedisServer]
public sealed class ClusterSigningSecretEnsureTests(RedisClusterFixture cluster)
    : Storage.SigningSecretEnsureTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterUpsertAnswerTests)), NeedsRedisServer]
public sealed class ClusterUpsertAnswerTests(RedisClusterFixture cluster)
    : Storage.UpsertAnswerTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterUpsertWakeTests)), NeedsRedisServer]
public sealed class ClusterUpsertWakeTests(RedisClusterFixture cluster)
    : Storage.UpsertWakeTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterDeliveryRecorderTests)), NeedsRedisServer]
public sealed class ClusterDeliveryRecorderTests(RedisClusterFixture cluster)
    : Webhooks.DeliveryRecorderTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterJobHealthTests)), NeedsRedisServer]
public sealed class ClusterJobHealthTests(RedisClusterFixture cluster)
    : Storage.JobHealthTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterJobPauseTests)), NeedsRedisServer]
public sealed class ClusterJobPauseTests(RedisClusterFixture cluster)
    : Storage.JobPauseTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterExecutionCleanupTests)), NeedsRedisServer]
public sealed class ClusterExecutionCleanupTests(RedisClusterFixture cluster)
    : Storage.ExecutionCleanupTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterClaimEndTimeTests)), NeedsRedisServer]
public sealed class ClusterClaimEndTimeTests(RedisClusterFixture cluster)
    : Storage.ClaimEndTimeTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterFlexibleWindowClaimTests)), NeedsRedisServer]
public sealed class ClusterFlexibleWindowClaimTests(RedisClusterFixture cluster)
    : Storage.FlexibleWindowClaimTests(cluster), IClassFixture<RedisClusterFixture>;

[Collection(nameof(ClusterBackfillReclaimTests)), NeedsRedisServer]
public sealed class ClusterBackfillReclaimTests(RedisClusterFixture cluster)
    : Storage.BackfillReclaimTests(cluster), IClassFixture<RedisClusterFixture>;
