using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using JobManager.Core.Access;
using JobManager.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace JobManager.Api.Authentication;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c>: an admin key from configuration or a service
/// key stored in Redis (looked up by its id, its SHA-256 compared in constant time, read on every
/// request so revocation is immediate). Unauthenticated requests get 401 problem details.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminKeys adminKeys,
    ServiceKeyStore serviceKeys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>Longer bearer values are refused before any hashing or lookup.</summary>
    private const int MaxKeyLength = 512;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerKey(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }
        if (presented.Length > MaxKeyLength)
        {
            return AuthenticateResult.Fail("The bearer key is unknown, revoked or mistyped.");
        }
        if (adminKeys.Find(presented) is { } adminId)
        {
            return Authenticated(adminId, ApiKeyClaims.AdminRole, service: null);
        }
        if (ServiceKey.TryGetKeyId(presented, out var keyId)
            && await serviceKeys.FindAsync(keyId) is { } stored
            && CryptographicOperations.FixedTimeEquals(stored.Hash, ServiceKey.Hash(presented)))
        {
            return Authenticated(keyId, ApiKeyClaims.ServiceRole, stored.Service);
        }
        // The message is logged by the framework: it must never contain the key.
        return AuthenticateResult.Fail("The bearer key is unknown, revoked or mistyped.");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failed = (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = failed ? "Bearer error=\"invalid_token\"" : "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = failed
                    ? "The bearer key is unknown, revoked or mistyped."
                    : "Send an API key: Authorization: Bearer <key>.",
            },
        });
    }

    private AuthenticateResult Authenticated(string keyId, string role, string? service)
    {
        List<Claim> claims = [new(ApiKeyClaims.KeyId, keyId), new(ClaimTypes.Role, role)];
        if (service is not null)
        {
            claims.Add(new Claim(ApiKeyClaims.Service, service));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>The key of a single <c>Authorization: Bearer</c> header, or null.</summary>
    private static string? BearerKey(HttpRequest request)
    {
        const string scheme = "Bearer ";
        var values = request.Headers.Authorization;
        if (values.Count != 1 || values[0] is not { } header || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var key = header[scheme.Length..].Trim();
        return key.Length > 0 ? key : null;
    }
}
