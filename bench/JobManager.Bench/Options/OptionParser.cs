using System.Globalization;
using System.Net;

namespace JobManager.Bench.Options;

/// <summary>
/// Reads the command line: <c>SCENARIO (--api URL [--api-key K] | --self-host [--dispatchers N]) [options]</c>.
/// Hand-rolled so the tool has no dependency beyond the solution's own packages.
/// </summary>
public static class OptionParser
{
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                options = options with { Scenario = Enum.TryParse<ScenarioName>(arg, ignoreCase: true, out var s)
                    ? s : throw new UsageException($"unknown scenario '{arg}' (burst, steady, ceiling, cost, all)") };
                continue;
            }
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{arg} needs a value");
            options = arg switch
            {
                "--api" => options with { Api = LoopbackUri(Value(), arg) },
                "--api-key" => options with { ApiKey = Value() },
                "--redis" => options with { Redis = Value() },
                "--self-host" => options with { SelfHost = true },
                "--dispatchers" => options with { Dispatchers = Int(Value(), arg, 1, 16) },
                "--configuration" => options with { Configuration = Value() },
                "--service-log-level" => options with { ServiceLogLevel = Value() },
                "--service-env" => options with { ServiceEnvironment = WithPair(options.ServiceEnvironment, Value(), arg) },
                "--callback-delay-ms" => options with { CallbackDelayMs = Int(Value(), arg, 0, 600_000) },
                "--fail-fraction" => options with { FailFraction = Fraction(Value(), arg) },
                "--callback-concurrency" => options with { CallbackConcurrency = Int(Value(), arg, 1, 4096) },
                "--put-concurrency" => options with { PutConcurrency = Int(Value(), arg, 1, 4096) },
                "--period-seconds" => options with { PeriodSeconds = Int(Value(), arg, 2, 3600) },
                "--jobs" => options with { BurstJobs = Int(Value(), arg, 1, 1_000_000) },
                "--warmup-jobs" => options with { BurstWarmupJobs = Int(Value(), arg, 1, 1_000_000) },
                "--warmup-rounds" => options with { BurstWarmupRounds = Int(Value(), arg, 0, 10) },
                "--rate" => options with { SteadyRate = Int(Value(), arg, 1, 1_000_000) },
                "--duration-seconds" => options with { SteadySeconds = Int(Value(), arg, 1, 3600) },
                "--steps" => options with { CeilingSteps = Steps(Value(), arg) },
                "--step-seconds" => options with { StepSeconds = Int(Value(), arg, 1, 600) },
                "--ceiling-budget-seconds" => options with { CeilingBudgetSeconds = Int(Value(), arg, 10, 3600) },
                "--cost-jobs" => options with { CostJobs = Int(Value(), arg, 1, 1_000_000) },
                "--cost-execution-jobs" => options with { CostExecutionJobs = Int(Value(), arg, 1, 100_000) },
                "--cost-waves" => options with { CostWaves = Int(Value(), arg, 1, 100) },
                "--repeat" => options with { Repeat = Int(Value(), arg, 1, 20) },
                "--results" => options with { ResultsDirectory = Value() },
                _ => throw new UsageException($"unknown option '{arg}'"),
            };
        }
        if (options.SelfHost == (options.Api is not null))
        {
            throw new UsageException("give exactly one of --api URL or --self-host");
        }
        return options;
    }

    /// <summary>
    /// The receiver listens on 127.0.0.1, so the system under test must run on this machine; refusing
    /// other hosts also keeps load from ever leaving the box.
    /// </summary>
    private static Uri LoopbackUri(string text, string name)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"{name} must be an absolute http(s) URL, got '{text}'");
        }
        if (!uri.IsLoopback)
        {
            throw new UsageException(
                $"{name} must be a loopback address (127.0.0.1, localhost): the webhook receiver listens on 127.0.0.1");
        }
        return uri;
    }

    private static Dictionary<string, string> WithPair(IReadOnlyDictionary<string, string> existing, string text, string name)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new UsageException($"{name} must be KEY=VALUE, got '{text}'");
        }
        return new Dictionary<string, string>(existing) { [text[..equals]] = text[(equals + 1)..] };
    }

    private static int Int(string text, string name, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} must be a whole number from {min} to {max}, got '{text}'");

    private static double Fraction(string text, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new UsageException($"{name} must be a number from 0 to 1, got '{text}'");

    private static int[] Steps(string text, string name) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => Int(s, name, 1, 1_000_000))
            .Order()];

    /// <summary>Whether <paramref name="endpoint"/> (host:port) names this machine.</summary>
    public static bool IsLoopbackEndpoint(string endpoint)
    {
        var host = endpoint.Split(':')[0];
        return host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}

/// <summary>A command line the tool cannot run; the message says what to change.</summary>
public sealed class UsageException(string message) : Exception(message);
