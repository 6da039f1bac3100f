namespace JobManager.Bench.Reports;

/// <summary>
/// What one scenario run produced: the summary figures, the run's conditions (machine, commit,
/// system, options) so it can be reproduced, scenario-specific detail, and notes on anything odd.
/// </summary>
public sealed record ScenarioReport(
    string Scenario,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    RunConditions Conditions,
    IReadOnlyList<Metric> Metrics,
    Receiver.CallbackSummary Callbacks,
    object? Details,
    IReadOnlyList<string> Notes);

/// <summary>
/// Where and on what a scenario ran. <see cref="LoadAverage"/> (<c>/proc/loadavg</c> when the scenario
/// ended) tells whether other work shared the machine.
/// </summary>
public sealed record RunConditions(
    MachineInfo Machine,
    string? Commit,
    string System,
    IReadOnlyDictionary<string, string> Options,
    string? LoadAverage = null);
