using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JobManager.Cli.Output;

/// <summary>Writes results as a table (for people) or as JSON in the Api's snake_case (for scripts).</summary>
public sealed class Printer(TextWriter output, OutputFormat format)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static readonly JsonSerializerOptions JsonLine = new(Json) { WriteIndented = false };

    public OutputFormat Format => format;

    /// <summary>One resource: JSON, or <c>field  value</c> lines.</summary>
    public void Item<T>(T item, IEnumerable<(string Field, string? Value)> fields)
    {
        if (format == OutputFormat.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(item, Json));
            return;
        }
        var rows = fields.ToList();
        var width = rows.Max(r => r.Field.Length);
        foreach (var (field, value) in rows)
        {
            output.WriteLine($"{field.PadRight(width)}  {value ?? "-"}");
        }
    }

    /// <summary>A listing: a JSON array, or a table with a header.</summary>
    public void List<T>(IReadOnlyList<T> items, Table<T> table)
    {
        if (format == OutputFormat.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(items, Json));
            return;
        }
        table.Write(output, items);
    }

    /// <summary>One item of a stream (<c>--follow</c>): a JSON line, or a table row.</summary>
    public void StreamItem<T>(T item, Table<T> table, bool first)
    {
        if (format == OutputFormat.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(item, JsonLine));
            return;
        }
        table.WriteRows(output, [item], header: first);
    }

    public void Message(string text)
    {
        if (format == OutputFormat.Table)
        {
            output.WriteLine(text);
        }
    }
}
