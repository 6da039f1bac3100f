using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JobManager.Bench.Reports;

/// <summary>Writes a report to <c>&lt;dir&gt;/&lt;scenario&gt;-&lt;yyyyMMddTHHmmssZ&gt;.json</c>.</summary>
public static class JsonReportWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Keep "≤" and "+" readable in the committed files; these are reports, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Write(ScenarioReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{report.Scenario}-{report.StartedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(report, Options) + "\n");
        return path;
    }
}
