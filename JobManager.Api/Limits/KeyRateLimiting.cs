using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using JobManager.Api.Authentication;
using JobManager.Api.Errors;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace JobManager.Api.Limits;

/// <summary>
/// A token bucket per API key (partitioned by key id, so one busy or leaked key cannot starve the
/// others); 429 problem details with <c>Retry-After</c> when it is empty. Callers without a key
/// (callbacks, health) are not limited here: callbacks need their execution's unguessable token.
/// </summary>
internal static class KeyRateLimiting
{
    public static IServiceCollection AddKeyRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(PartitionOf);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejectedAsync;
        });

    private static RateLimitPartition<string> PartitionOf(HttpContext context)
    {
        if (context.User.FindFirstValue(ApiKeyClaims.KeyId) is not { } keyId)
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var limits = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
        return RateLimitPartition.GetTokenBucketLimiter(keyId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.RequestBurst,
            TokensPerPeriod = limits.RequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problems.TooManyRequests(seconds).ExecuteAsync(context.HttpContext);
    }
}
