using System.CommandLine;

namespace JobManager.Cli;

/// <summary>Options every command takes (recursive): where the Api is, which key, and the output format.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Url = new("--url")
    {
        Description = "The Api's address (default: $JM_URL)",
        Recursive = true,
    };

    public static readonly Option<string?> Key = new("--key")
    {
        Description = "An admin or service API key (default: $JM_KEY)",
        Recursive = true,
    };

    public static readonly Option<OutputFormat> Output = new("--output", "-o")
    {
        Description = "table (for people) or json (for scripts)",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    /// <summary>The service a command works on; <c>$JM_SERVICE</c> when not given.</summary>
    public static Option<string?> Service(string description = "The service (default: $JM_SERVICE)") => new("--service", "-s")
    {
        Description = description,
    };
}

public enum OutputFormat
{
    Table,
    Json,
}
