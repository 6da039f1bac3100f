namespace JobManager.Tests.Infrastructure;

/// <summary>
/// The whole app over the embedded Garnet store (<c>Redis:Mode=embedded</c>) instead of redis-server: the
/// Redis that a machine with only the .NET SDK gets.
/// </summary>
public sealed class EmbeddedStoreFixture : AppHostFixture
{
    /// <inheritdoc />
    protected override IEnumerable<string> AppHostArguments => ["--Redis:Mode=embedded"];
}
