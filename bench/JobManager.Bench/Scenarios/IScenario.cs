using JobManager.Bench.Reports;

namespace JobManager.Bench.Scenarios;

/// <summary>One measurement: sets up its load on the system in the context, measures, and reports.</summary>
public interface IScenario
{
    string Name { get; }

    /// <summary>How long the receiver waits before calling back, unless <c>--callback-delay-ms</c> says.</summary>
    int DefaultCallbackDelayMs => 0;

    Task<ScenarioReport> RunAsync(ScenarioContext context);
}
