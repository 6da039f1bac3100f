namespace JobManager.Tests.Chaos;

/// <summary>The chaos test runs alone: it measures what survives kills, not what survives a busy CPU.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChaosCollection
{
    public const string Name = "Chaos";
}
