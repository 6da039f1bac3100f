namespace JobManager.Bench.Metrics;

/// <summary>Calls of one Redis command and the server time they took (µs), cumulative since Redis started.</summary>
public sealed record CommandCount(long Calls, long Usec);

/// <summary>One <c>INFO commandstats</c> reading. Subtract two to get what happened in between.</summary>
public sealed record CommandSample(IReadOnlyDictionary<string, CommandCount> Commands)
{
    /// <summary>Per command, calls and server µs per unit of work (e.g. per execution), busiest first.</summary>
    public static IReadOnlyList<CommandRate> PerUnit(CommandSample end, CommandSample start, long units) =>
        [.. end.Commands
            .Select(kv =>
            {
                var before = start.Commands.GetValueOrDefault(kv.Key) ?? new CommandCount(0, 0);
                return new CommandRate(kv.Key, (kv.Value.Calls - before.Calls) / (double)units,
                    (kv.Value.Usec - before.Usec) / (double)units);
            })
            .Where(r => r.CallsPerUnit > 0)
            .OrderByDescending(r => r.UsecPerUnit)];
}

/// <summary>A command's calls and Redis server time per unit of work.</summary>
public sealed record CommandRate(string Command, double CallsPerUnit, double UsecPerUnit);
