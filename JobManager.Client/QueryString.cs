using System.Globalization;
using System.Text;

namespace JobManager.Client;

/// <summary>A query string built from the parameters that have a value; immutable, so a listing adds its cursor per page.</summary>
internal readonly record struct QueryString(string Text)
{
    public static QueryString Empty => new("");

    public QueryString With(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }
        var text = new StringBuilder(Text).Append(Text.Length == 0 ? '?' : '&');
        return new(text.Append(name).Append('=').Append(Uri.EscapeDataString(value)).ToString());
    }

    public QueryString With(string name, int? value) => With(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryString With(string name, bool? value) => With(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>UTC, ISO 8601 with milliseconds, as the Api writes its own times.</summary>
    public QueryString With(string name, DateTimeOffset? value) =>
        With(name, value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    public static string operator +(string path, QueryString query) => path + query.Text;
}
