using JobManager.Core.Callbacks;
using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;

namespace JobManager.Api.Errors;

/// <summary>
/// Turns "Redis is not reachable" into 503 problem details with Retry-After, instead of a 500. Every
/// write is a single script, so a request cut off here has written all or nothing.
/// </summary>
internal sealed class RedisUnavailableHandler(IProblemDetailsService problemDetails, ILogger<RedisUnavailableHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (RedisConnectionException or RedisTimeoutException))
        {
            return false;
        }
        Log.RedisUnavailable(logger, context.Request.Method, CallbackPath.Redact(context.Request.Path.Value ?? ""), exception.GetType().Name);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage unavailable",
                Detail = "JobManager cannot reach Redis right now. Nothing was changed; retry shortly.",
            },
        });
    }
}
