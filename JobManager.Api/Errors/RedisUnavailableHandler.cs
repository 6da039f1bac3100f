using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;

namespace JobManager.Api.Errors;

/// <summary>
/// Turns "Redis is not reachable" into 503 problem details with Retry-After, instead of a 500. Every
/// write is a single script, so a request cut off here has written all or nothing.
/// </summary>
internal sealed partial class RedisUnavailableHandler(IProblemDetailsService problemDetails, ILogger<RedisUnavailableHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (RedisConnectionException or RedisTimeoutException))
        {
            return false;
        }
        // The route template, not the path: a callback's path holds its token.
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
        LogUnavailable(logger, context.Request.Method, route, exception.GetType().Name);
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

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Redis unavailable during {Method} {Route}: {ExceptionType}")]
    private static partial void LogUnavailable(ILogger logger, string method, string route, string exceptionType);
}
