using System.ComponentModel.DataAnnotations;

namespace JobManager.Api.OperatorConsole;

/// <summary>What the console may tell a browser about this deployment: public settings only.</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "JobManager:Console";

    /// <summary>
    /// The Aspire dashboard's address (the app host passes it), so an execution page can link to its
    /// trace; null when there is no dashboard.
    /// </summary>
    [Url]
    public string? DashboardUrl { get; set; }
}
