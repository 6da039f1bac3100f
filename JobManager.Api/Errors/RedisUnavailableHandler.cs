using JobManager.Core.Callbacks;
using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;

namespace JobManager.Api.Errors;

/// <summary>
/// Turns "Redis is not reachable" into 503 problem details with Retry-After, instead of a 500. Every
/// write is a single script, so a request cut off here has written all or nothing. Which one is only
/// certain when no connection was open: a timed-out command may already be on its way to a Redis that
/// is merely slow, and run when it recovers. Hence the two details; PUT and DELETE are idempotent, so
/// retrying is always safe.
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
        Log.RedisUnavailable(logger, context.Request.Method, CallbackPath.Redact(context.Request.Path.Value ?? ""),
            exception.GetType().Name);
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
                Detail = exception is RedisConnectionException
                    ? "JobManager cannot reach its storage right now. Nothing was changed; retry shortly."
                    : "JobManager's storage did not answer in time. The request may or may not have taken effect; it is safe to retry.",
            },
        });
    }
}
