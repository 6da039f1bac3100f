using JobManager.Bench.Metrics;

namespace JobManager.Bench.Reports;

/// <summary>
/// Redis work per execution, from two <c>INFO commandstats</c> readings. Redis counts the commands a
/// Lua script runs under their own names as well as the script call itself, so script calls and
/// the commands run (inside scripts or not) are reported apart, never summed.
/// </summary>
public static class RedisCommandMetrics
{
    private static readonly HashSet<string> ScriptCommands = ["evalsha", "eval", "evalsha_ro", "eval_ro", "fcall"];

    public static IEnumerable<Metric> Of(IReadOnlyList<CommandRate>? rates)
    {
        if (rates is null)
        {
            yield break;
        }
        var scripts = rates.Where(r => ScriptCommands.Contains(r.Command)).ToList();
        yield return Metric.Info("Redis script calls per execution", scripts.Sum(r => r.CallsPerUnit), "");
        yield return Metric.Info("Redis commands run per execution (in scripts or not)",
            rates.Where(r => !ScriptCommands.Contains(r.Command)).Sum(r => r.CallsPerUnit), "");
        // Wall time inside Redis: it grows when Redis is descheduled on a busy machine.
        yield return Metric.Info("Redis script time per execution", scripts.Sum(r => r.UsecPerUnit), "µs");
    }
}
