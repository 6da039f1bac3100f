using System.Runtime.InteropServices;
using JobManager.Bench.Options;
using JobManager.Bench.Reports;
using JobManager.Bench.Scenarios;
using JobManager.Bench.SelfHost;

// The bench: measures JobManager as its users would and records the figures. See docs/benchmarks.md.
if (args.Any(a => a is "-h" or "--help"))
{
    Console.WriteLine(Usage.Text);
    return 0;
}

BenchOptions options;
try
{
    options = OptionParser.Parse(args);
}
catch (UsageException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}\n\n{Usage.Text}");
    return 2;
}

// Ctrl-C, SIGTERM and SIGHUP cancel the run; the runner's disposals then stop every process it started.
using var cancellation = new CancellationTokenSource();
void Cancel(PosixSignalContext signal)
{
    signal.Cancel = true;
    Console.Error.WriteLine($"\n{signal.Signal}: stopping and cleaning up…");
    cancellation.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Cancel);

var repo = RepoLayout.Find();
var runner = new ScenarioRunner(options, repo, MachineInfo.Read(), MachineInfo.Commit(repo.Root));
ScenarioName[] scenarios = options.Scenario == ScenarioName.All
    ? [ScenarioName.Burst, ScenarioName.Steady, ScenarioName.Ceiling, ScenarioName.Cost]
    : [options.Scenario];
try
{
    foreach (var name in scenarios)
    {
        var runs = new List<ScenarioReport>();
        for (var run = 1; run <= options.Repeat; run++)
        {
            if (options.Repeat > 1)
            {
                Console.WriteLine($"\n>> run {run} of {options.Repeat}");
            }
            runs.Add(await runner.RunAsync(ScenarioRunner.For(name), cancellation.Token));
        }
        if (runs.Count > 1)
        {
            runner.Publish(RepeatSummary.Of(runs));
        }
    }
    return 0;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled; everything started was stopped.");
    return 130;
}
catch (Exception ex) when (
    ex is InvalidOperationException or TimeoutException or JobManager.Bench.Client.ApiException or HttpRequestException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"error: {ex}");
    return 1;
}
