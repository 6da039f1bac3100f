namespace JobManager.Api.Authentication;

/// <summary>What an authenticated key says about its caller.</summary>
internal static class ApiKeyClaims
{
    /// <summary>The key's id: a service key's <c>key_id</c>, or <c>admin-{n}</c> for the n-th admin key.</summary>
    public const string KeyId = "jm:key_id";

    /// <summary>The service a service key belongs to (admin keys have none).</summary>
    public const string Service = "jm:service";

    /// <summary>Role of admin keys: they reach everything.</summary>
    public const string AdminRole = "admin";

    /// <summary>Role of service keys: they reach only <c>/services/{their service}/...</c>.</summary>
    public const string ServiceRole = "service";
}
