namespace JobManager.Tests.Infrastructure;

/// <summary>
/// The whole app with small limits, so tests can reach them: 20 requests per key at once, then 1 per
/// second; 3 jobs and 2 keys per service.
/// </summary>
public sealed class LimitsFixture : AppHostFixture
{
    public const int RequestBurst = 20;
    public const int JobsPerService = 3;
    public const int KeysPerService = 2;

    /// <inheritdoc />
    protected override IEnumerable<string> AppHostArguments =>
    [
        "--JobManager:Limits:RequestsPerSecond=1",
        $"--JobManager:Limits:RequestBurst={RequestBurst}",
        $"--JobManager:Limits:JobsPerService={JobsPerService}",
        $"--JobManager:Limits:KeysPerService={KeysPerService}",
        "--Dispatcher:Replicas=1",
    ];
}

/// <summary>The tests that share the app with small limits.</summary>
[CollectionDefinition(Name)]
public sealed class LimitsCollection : ICollectionFixture<LimitsFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Limits";
}
