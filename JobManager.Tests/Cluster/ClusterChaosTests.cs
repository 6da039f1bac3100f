using JobManager.Tests.Chaos;
using JobManager.Tests.Infrastructure;
using Xunit.Abstractions;

namespace JobManager.Tests.Cluster;

/// <summary>
/// The chaos test on a Redis Cluster of three masters: the Api and the dispatchers are given the masters'
/// addresses, as a deployment on Redis Cluster gives them, and every instant must still end as exactly one
/// final execution while dispatchers are killed and frozen.
/// </summary>
[Collection(ChaosCollection.Name), NeedsRedisServer]
public sealed class ClusterChaosTests(RedisClusterFixture cluster, ITestOutputHelper output)
    : ChaosTests(cluster, output), IClassFixture<RedisClusterFixture>;
