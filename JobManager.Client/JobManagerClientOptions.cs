using System.ComponentModel.DataAnnotations;

namespace JobManager.Client;

/// <summary>Where the Api is and which key to send. Validated when the host starts.</summary>
public sealed class JobManagerClientOptions
{
    /// <summary>The Api's address, e.g. <c>https://jobs.example.com</c>.</summary>
    [Required(ErrorMessage = "JobManager client: no BaseAddress. Set ConnectionStrings:jobmanager (Endpoint=...;Key=...) or BaseAddress.")]
    public Uri? BaseAddress { get; set; }

    /// <summary>An admin key or a service key (<c>jm_...</c>), sent as <c>Authorization: Bearer</c>.</summary>
    [Required(ErrorMessage = "JobManager client: no ApiKey. Set ConnectionStrings:jobmanager (Endpoint=...;Key=...) or ApiKey.")]
    public string? ApiKey { get; set; }

    /// <summary>The service this application is (from the connection string's <c>Service=</c>), if it is one.</summary>
    public string? Service { get; set; }

    /// <summary>Whether <c>AddJobManagerClient</c> on a host builder registers the health check (default true).</summary>
    public bool DisableHealthChecks { get; set; }

    /// <summary>Whether it registers the client's <c>ActivitySource</c> with OpenTelemetry (default true).</summary>
    public bool DisableTracing { get; set; }
}
