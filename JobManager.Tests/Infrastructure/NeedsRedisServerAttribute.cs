namespace JobManager.Tests.Infrastructure;

/// <summary>
/// Marks a test, or every test of a class, that asserts what only real Redis does: how it encodes a key
/// (<c>OBJECT ENCODING</c>), what it counts (<c>INFO commandstats</c>), or a Redis Cluster. Where
/// <c>redis-server</c> is not on PATH such tests are reported as skipped with
/// <see cref="RedisServer.MissingReason"/> (by <see cref="RedisAwareTestFramework"/>) instead of failing on Garnet.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class NeedsRedisServerAttribute : Attribute;
