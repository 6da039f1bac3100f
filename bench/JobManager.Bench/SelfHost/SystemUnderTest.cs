namespace JobManager.Bench.SelfHost;

/// <summary>A process of the system under test whose CPU the tool can read (self-hosted systems only).</summary>
public sealed record ServiceProcess(string Name, ServiceRole Role, int Pid);

public enum ServiceRole
{
    Redis,
    Api,
    Dispatcher,
}

/// <summary>
/// The JobManager being measured: where its Api is, its key, its Redis (for memory figures) and, when
/// this tool started it, its processes (for CPU figures).
/// </summary>
public interface ISystemUnderTest : IAsyncDisposable
{
    Uri Api { get; }

    string? ApiKey { get; }

    /// <summary><c>host:port</c> of its Redis, or null when unknown (memory figures are then skipped).</summary>
    string? Redis { get; }

    IReadOnlyList<ServiceProcess> Processes { get; }

    /// <summary>A short description for reports, e.g. "self-hosted: redis + api + 2 dispatchers".</summary>
    string Description { get; }
}

/// <summary>A system someone else runs, given by its Api URL.</summary>
public sealed class LiveSystem(Uri api, string? apiKey, string? redis) : ISystemUnderTest
{
    public Uri Api => api;

    public string? ApiKey => apiKey;

    public string? Redis => redis;

    public IReadOnlyList<ServiceProcess> Processes => [];

    public string Description => $"live system at {api}";

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
