namespace JobManager.Cli.Output;

/// <summary>Columns of a table: a header and how to show each item's cell.</summary>
public sealed class Table<T>(params (string Header, Func<T, string?> Cell, int Width)[] columns)
{
    public void Write(TextWriter output, IReadOnlyList<T> items)
    {
        if (items.Count == 0)
        {
            output.WriteLine("(none)");
            return;
        }
        WriteRows(output, items, header: true);
    }

    /// <summary>Fixed widths, so rows printed one at a time (<c>--follow</c>) line up with the header.</summary>
    public void WriteRows(TextWriter output, IEnumerable<T> items, bool header)
    {
        if (header)
        {
            output.WriteLine(Line(columns.Select(c => c.Header)));
        }
        foreach (var item in items)
        {
            output.WriteLine(Line(columns.Select(c => c.Cell(item) ?? "-")));
        }
    }

    private string Line(IEnumerable<string> cells) =>
        string.Join("  ", cells.Zip(columns, (cell, column) => cell.PadRight(column.Width))).TrimEnd();
}
