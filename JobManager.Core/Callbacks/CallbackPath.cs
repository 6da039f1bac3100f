namespace JobManager.Core.Callbacks;

/// <summary>
/// Where services call back: <c>/callback/{execution_id}/{token}</c>. The token is a credential, so
/// whatever records request paths (traces, logs) records <see cref="Redact"/>'s form instead.
/// </summary>
public static class CallbackPath
{
    /// <summary>The route the Api maps.</summary>
    public const string Route = "/callback/{executionId}/{token}";

    private const string Prefix = "/callback/";

    /// <summary>What stands in for the token in recorded paths.</summary>
    public const string RedactedToken = "REDACTED";

    /// <summary>The <c>callback_url</c> of an execution, under the Api's public base URL.</summary>
    public static string Url(string publicBaseUrl, string executionId, string token) =>
        $"{publicBaseUrl.TrimEnd('/')}{Prefix}{executionId}/{token}";

    /// <summary>
    /// The path with everything after the execution id replaced, when it is a callback path (matched
    /// as routing matches it: case-insensitively); any other path unchanged.
    /// </summary>
    public static string Redact(string path)
    {
        if (!path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }
        var idEnd = path.IndexOf('/', Prefix.Length);
        return idEnd < 0 ? path : $"{path[..(idEnd + 1)]}{RedactedToken}";
    }
}
