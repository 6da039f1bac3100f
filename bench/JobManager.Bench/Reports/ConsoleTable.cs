using System.Globalization;

namespace JobManager.Bench.Reports;

/// <summary>Prints a scenario's summary as an aligned table with a verdict per figure.</summary>
public static class ConsoleTable
{
    public static void Print(ScenarioReport report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(
            $"== {report.Scenario} == {report.Conditions.System}, {report.Conditions.Machine.Cores} cores, commit " +
            $"{report.Conditions.Commit ?? "?"}");
        var rows = report.Metrics.Select(m =>
            new[] { m.Name, Format(m.Value) + (m.Unit.Length > 0 ? " " + m.Unit : ""), m.Target, Word(m.Verdict) }).ToList();
        var header = new[] { "figure", "value", "target", "verdict" };
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        string Line(string[] cells) => "  " +
            string.Join("  ", cells.Select((c, i) => i == 1 ? c.PadLeft(widths[i]) : c.PadRight(widths[i])));
        output.WriteLine(Line(header));
        output.WriteLine(Line([.. widths.Select(w => new string('-', w))]));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row));
        }
        foreach (var note in report.Notes)
        {
            output.WriteLine($"  note: {note}");
        }
    }

    public static string Format(double? value) => value switch
    {
        null => "n/a",
        double v when double.IsNaN(v) => "n/a",
        double v when Math.Abs(v) >= 100 || v == Math.Floor(v) => v.ToString("#,0", CultureInfo.InvariantCulture),
        double v => v.ToString("0.0#", CultureInfo.InvariantCulture),
    };

    private static string Word(Verdict verdict) => verdict switch
    {
        Verdict.Met => "met",
        Verdict.Missed => "MISSED",
        Verdict.NotMeasured => "not measured",
        _ => "",
    };
}
