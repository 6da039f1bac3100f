namespace JobManager.Bench.Options;

/// <summary>Everything the command line sets. Defaults are the issue's: 10,000 jobs, 1,000/s, 2 cores.</summary>
public sealed record BenchOptions
{
    public ScenarioName Scenario { get; init; } = ScenarioName.All;

    // The system under test: a live one (--api) or one this tool starts (--self-host).
    public Uri? Api { get; init; }
    public string? ApiKey { get; init; }
    public string? Redis { get; init; }
    public bool SelfHost { get; init; }
    public int Dispatchers { get; init; } = 2;
    public string Configuration { get; init; } = "Release";
    public string ServiceLogLevel { get; init; } = "Warning";

    /// <summary>Extra environment for the self-hosted services (<c>--service-env KEY=VALUE</c>), for A/B runs of settings.</summary>
    public IReadOnlyDictionary<string, string> ServiceEnvironment { get; init; } = new Dictionary<string, string>();

    // The receiver's behaviour.
    public int? CallbackDelayMs { get; init; }
    public double FailFraction { get; init; }
    public int CallbackConcurrency { get; init; } = 64;

    // Load shape.
    public int PutConcurrency { get; init; } = 64;
    public int PeriodSeconds { get; init; } = 10;

    // burst
    public int BurstJobs { get; init; } = 10_000;
    public int? BurstWarmupJobs { get; init; }
    public int BurstWarmupRounds { get; init; } = 2;

    // steady
    public int SteadyRate { get; init; } = 1_000;
    public int SteadySeconds { get; init; } = 60;

    // ceiling
    public IReadOnlyList<int> CeilingSteps { get; init; } = [500, 1_000, 2_000, 3_000, 4_000, 5_000, 7_000];
    public int StepSeconds { get; init; } = 20;
    public int CeilingBudgetSeconds { get; init; } = 300;

    // cost
    public int CostJobs { get; init; } = 10_000;
    public int CostExecutionJobs { get; init; } = 2_000;
    public int CostWaves { get; init; } = 3;

    /// <summary>
    /// Runs of each scenario, each on a fresh system (self-hosted) or after the last (live); with more
    /// than one, a summary of medians follows (<see cref="Reports.RepeatSummary"/>).
    /// </summary>
    public int Repeat { get; init; } = 1;

    /// <summary>Where JSON results go; defaults to <c>bench/results</c> of the repository.</summary>
    public string? ResultsDirectory { get; init; }
}
