using System.Text.RegularExpressions;

namespace JobManager.Core.Jobs;

/// <summary>The rule service and job names follow: they appear in URLs and Redis keys.</summary>
public static partial class ResourceName
{
    public const string Rule = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    [GeneratedRegex(Rule)]
    private static partial Regex Pattern();

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    /// <summary>The reason a name is refused, or null when it is valid.</summary>
    public static string? Problem(string? name) => IsValid(name)
        ? null
        : "must be 1-64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit";
}
