using JobManager.Bench.Reports;

namespace JobManager.Bench.Scenarios;

/// <summary>One measurement: sets up its load on the system in the context, measures, and reports.</summary>
public interface IScenario
{
    string Name { get; }

    Task<ScenarioReport> RunAsync(ScenarioContext context);
}
