using System.Data.Common;

namespace JobManager.Client;

/// <summary>
/// <c>Endpoint=https://jobs.example.com;Key=jm_...;Service=billing</c>: what an Aspire app host hands a
/// project as <c>ConnectionStrings:jobmanager</c>. <c>Service</c> is optional.
/// </summary>
public static class JobManagerConnectionString
{
    /// <summary>Applies the connection string's parts to <paramref name="options"/>; unknown parts are refused.</summary>
    public static void ApplyTo(string connectionString, JobManagerClientOptions options)
    {
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (string name in parts.Keys)
        {
            var value = Convert.ToString(parts[name], System.Globalization.CultureInfo.InvariantCulture);
            switch (name.ToLowerInvariant())
            {
                case "endpoint":
                    options.BaseAddress = Uri.TryCreate(value, UriKind.Absolute, out var endpoint)
                        ? endpoint
                        : throw new FormatException($"The JobManager connection string's Endpoint is not an absolute URL: '{value}'.");
                    break;
                case "key":
                    options.ApiKey = value;
                    break;
                case "service":
                    options.Service = value;
                    break;
                default:
                    throw new FormatException(
                        $"The JobManager connection string has an unknown part '{name}' (expected Endpoint, Key, Service).");
            }
        }
    }
}
