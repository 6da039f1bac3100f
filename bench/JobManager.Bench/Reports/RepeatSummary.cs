using System.Globalization;

namespace JobManager.Bench.Reports;

/// <summary>
/// Folds the reports of one scenario run several times (<c>--repeat N</c>, each on a fresh system) into
/// one: every figure is the median of the runs and is judged against its target as a single run's would
/// be, except the must-be-zero counts (missed, doubled), which take the worst run. On this shared VM
/// one run differs from the next by a fifth or more, so a median with its range is what can be reproduced.
/// </summary>
public static class RepeatSummary
{
    public static ScenarioReport Of(IReadOnlyList<ScenarioReport> runs)
    {
        if (runs.Count == 0)
        {
            throw new ArgumentException("no runs to summarise", nameof(runs));
        }
        var first = runs[0];
        var metrics = new List<Metric>();
        var ranges = new List<object>();
        foreach (var metric in first.Metrics)
        {
            var values = runs.Select(run => run.Metrics.FirstOrDefault(m => m.Name == metric.Name)?.Value)
                .Where(v => v is { } x && !double.IsNaN(x)).Select(v => v!.Value).Order().ToList();
            var worstCount = metric is { Limit: 0, LimitIsMaximum: true };
            double? summary = values.Count == 0 ? null : worstCount ? values[^1] : Median(values);
            metrics.Add(metric.Judged(summary));
            ranges.Add(new
            {
                metric.Name,
                Summary = worstCount ? "worst" : "median",
                Value = summary,
                Min = values.Count == 0 ? (double?)null : values[0],
                Max = values.Count == 0 ? (double?)null : values[^1],
                Runs = runs.Select(run => run.Metrics.FirstOrDefault(m => m.Name == metric.Name)?.Value).ToList(),
            });
        }
        var notes = first.Metrics.Where(m => m.Limit is not null || m.Name.Contains("CPU per", StringComparison.Ordinal))
            .Select(m => (m.Name, Values: runs.Select(run => run.Metrics.FirstOrDefault(x => x.Name == m.Name)?.Value).ToList()))
            .Select(m => $"{m.Name}, each run: {string.Join(" / ", m.Values.Select(ConsoleTable.Format))}")
            .Concat(runs.SelectMany((run, i) => run.Notes.Select(note => $"run {i + 1}: {note}")))
            .ToList();
        var details = new
        {
            Runs = runs.Count,
            RunsStartedAt = runs.Select(run => run.StartedAt).ToList(),
            Figures = ranges,
        };
        return new ScenarioReport(
            $"{first.Scenario}-median{runs.Count.ToString(CultureInfo.InvariantCulture)}",
            first.StartedAt, runs[^1].FinishedAt, first.Conditions with { LoadAverage = runs[^1].Conditions.LoadAverage },
            metrics, runs[^1].Callbacks, details, notes);
    }

    private static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
