using JobManager.Bench.Client;
using JobManager.Bench.Metrics;
using JobManager.Bench.Options;
using JobManager.Bench.Receiver;
using JobManager.Bench.Reports;
using JobManager.Bench.SelfHost;

namespace JobManager.Bench.Scenarios;

/// <summary>
/// Runs one scenario end to end: the system (self-hosted fresh for each scenario, so memory deltas and
/// lateness are not skewed by an earlier one), the receiver, the scenario, then the table and the JSON.
/// Everything it started is torn down on the way out, cancelled or not.
/// </summary>
public sealed class ScenarioRunner(BenchOptions options, RepoLayout repo, MachineInfo machine, string? commit)
{
    public static IScenario For(ScenarioName name) => name switch
    {
        ScenarioName.Burst => new BurstScenario(),
        ScenarioName.Steady => new SteadyScenario(),
        ScenarioName.Ceiling => new CeilingScenario(),
        ScenarioName.Cost => new CostScenario(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a single scenario"),
    };

    public async Task<ScenarioReport> RunAsync(IScenario scenario, CancellationToken cancellationToken)
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var resultsDirectory = options.ResultsDirectory ?? repo.ResultsDirectory;
        var runId = stamp.ToLowerInvariant() + "-" +
            Random.Shared.Next(0x1000, 0xffff).ToString("x4", System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine(
            $"\n>> {scenario.Name}: starting " +
            $"{(options.SelfHost ? "redis-server, the Api and " + options.Dispatchers + " dispatcher(s)" : "against " + options.Api)}");

        await using ISystemUnderTest system = options.SelfHost
            ? await SelfHostedSystem.StartAsync(options, repo, Path.Combine(resultsDirectory, "logs", $"{scenario.Name}-{stamp}"),
                cancellationToken)
            : new LiveSystem(options.Api!, options.ApiKey, options.Redis);
        if (system is SelfHostedSystem self)
        {
            Console.WriteLine($"   Api {self.Api}, Redis {self.Redis}, logs in {self.LogDirectory}");
        }
        var callbackDelayMs = options.CallbackDelayMs ?? scenario.DefaultCallbackDelayMs;
        await using var callbacks = new CallbackSender(options.CallbackConcurrency, callbackDelayMs, options.FailFraction);
        await using var receiver = await WebhookReceiver.StartAsync(callbacks, cancellationToken);
        using var client = new JobsClient(system.Api, system.ApiKey, options.PutConcurrency);
        await using var redisInfo = system.Redis is { } redis && OptionParser.IsLoopbackEndpoint(redis)
            ? await RedisInfo.ConnectAsync(redis) : null;

        var conditions = new RunConditions(machine, commit, system.Description, Describe(options, callbackDelayMs));
        var context = new ScenarioContext(options, system, receiver, client, new CpuMeter(system.Processes), redisInfo, conditions, runId,
            cancellationToken);
        var report = await scenario.RunAsync(context);
        Publish(report);
        return report;
    }

    /// <summary>Prints <paramref name="report"/>'s table and writes its JSON to the results directory.</summary>
    public void Publish(ScenarioReport report)
    {
        ConsoleTable.Print(report, Console.Out);
        Console.WriteLine($"   results: {JsonReportWriter.Write(report, options.ResultsDirectory ?? repo.ResultsDirectory)}");
    }

    private static Dictionary<string, string> Describe(BenchOptions o, int callbackDelayMs) =>
        new(o.ServiceEnvironment.ToDictionary(kv => "env:" + kv.Key, kv => kv.Value))
    {
        ["dispatchers"] = o.SelfHost ? o.Dispatchers.ToString(System.Globalization.CultureInfo.InvariantCulture) : "live",
        ["configuration"] = o.Configuration,
        ["service_log_level"] = o.ServiceLogLevel,
        ["callback_delay_ms"] = callbackDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["fail_fraction"] = o.FailFraction.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["callback_concurrency"] = o.CallbackConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["put_concurrency"] = o.PutConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["period_seconds"] = o.PeriodSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["burst_jobs"] = o.BurstJobs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["steady_rate"] = o.SteadyRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["steady_seconds"] = o.SteadySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ceiling_steps"] = string.Join(',', o.CeilingSteps),
        ["step_seconds"] = o.StepSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["cost_jobs"] = o.CostJobs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["cost_execution_jobs"] = o.CostExecutionJobs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["cost_waves"] = o.CostWaves.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
