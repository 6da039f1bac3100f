namespace JobManager.Tests.Infrastructure;

/// <summary>The tests that share one app running over the embedded Garnet store.</summary>
[CollectionDefinition(Name)]
public sealed class EmbeddedStoreCollection : ICollectionFixture<EmbeddedStoreFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "EmbeddedStore";
}
