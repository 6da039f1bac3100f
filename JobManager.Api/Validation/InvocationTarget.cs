using JobManager.Core.Networking;

namespace JobManager.Api.Validation;

/// <summary>
/// The rule for <c>invocation_target</c>: an absolute http or https URL, without credentials, whose
/// host is not a literal address the webhooks may not reach (names are checked when connecting).
/// </summary>
public static class InvocationTarget
{
    public const int MaxLength = 2048;

    /// <summary>The reason a target is refused, or null when it is acceptable.</summary>
    public static string? Problem(string target, AddressPolicy policy)
    {
        if (target.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters";
        }
        // On Linux "/jobs/run" parses as an absolute file:///jobs/run: a path is not a URL either.
        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri)
            || (uri.IsFile && !target.StartsWith(Uri.UriSchemeFile + ":", StringComparison.OrdinalIgnoreCase)))
        {
            return $"must be an absolute URL (e.g. https://my-service.example/jobs/run), got \"{target}\"";
        }
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"must use http or https, got \"{uri.Scheme}\"";
        }
        if (string.IsNullOrEmpty(uri.Host))
        {
            return "must name a host";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "must not carry credentials in the URL";
        }
        return LiteralTarget.Refusal(uri, policy);
    }
}
