namespace JobManager.Tests.Telemetry;

/// <summary>
/// Tests that build the service defaults' tracer provider in this process. A provider's listener samples
/// every <c>JobManager.*</c> source process-wide, so two of them side by side would see each other's choices.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TracerProviderCollection
{
    public const string Name = "Tracer provider";
}
