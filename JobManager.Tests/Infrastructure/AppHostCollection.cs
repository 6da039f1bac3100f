namespace JobManager.Tests.Infrastructure;

/// <summary>
/// The tests that share one running app. Starting it takes seconds, so every end-to-end test class joins
/// this collection with <c>[Collection(AppHostCollection.Name)]</c> rather than starting its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "AppHost";
}
