namespace JobManager.Cli;

/// <summary>The environment variables <c>jm</c> reads; tests pass their own.</summary>
public sealed record CliEnvironment(string? Url, string? Key, string? Service)
{
    public static CliEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariable("JM_URL"),
        Environment.GetEnvironmentVariable("JM_KEY"),
        Environment.GetEnvironmentVariable("JM_SERVICE"));
}
