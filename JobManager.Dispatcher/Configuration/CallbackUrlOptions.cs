using System.ComponentModel.DataAnnotations;

namespace JobManager.Dispatcher.Configuration;

/// <summary>Where services call back. Bound from the <c>JobManager</c> section.</summary>
public sealed class CallbackUrlOptions
{
    public const string SectionName = "JobManager";

    /// <summary>
    /// The Api's public base URL as the services reach it, e.g. <c>https://jobs.example.com</c>;
    /// <c>callback_url</c> is <c>{PublicBaseUrl}/callback/{execution_id}/{token}</c>.
    /// </summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "";
}
