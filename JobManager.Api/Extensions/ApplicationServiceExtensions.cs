using System.Text.Json;
using JobManager.Api.Errors;
using JobManager.Api.JobTests;
using JobManager.Api.Telemetry;
using JobManager.Core.Hosting;

namespace JobManager.Api.Extensions;

internal static class ApplicationServiceExtensions
{
    /// <summary>Request bodies larger than this are refused with 413 before they are read.</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClientTracedWhenExported("redis");
        builder.SampleNothingWithoutExporter();
        builder.Services.AddJobManagerCore();
        builder.AddApiSecurity();
        builder.Services.AddSingleton<ApiMetrics>();
        builder.Services.AddJobTests();

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
            // Numbers are numbers on the wire (the web default also reads them from strings, which the
            // OpenAPI document would then announce as "integer or string"; bodies are read by hand anyway).
            options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            options.SerializerOptions.Converters.Add(new Contracts.UtcTimestampJsonConverter());
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<RedisUnavailableHandler>();
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(
            options => options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<OpenApi.BearerSecuritySchemeTransformer>();
            options.AddOperationTransformer<OpenApi.BearerSecuritySchemeTransformer>();
            options.AddOperationTransformer<OpenApi.ParameterSchemaTransformer>();
            options.AddOperationTransformer<OpenApi.ProblemResponsesTransformer>();
        });
        return builder;
    }
}
