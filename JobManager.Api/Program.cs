using JobManager.Api.Apis;
using JobManager.Api.OperatorConsole;
using JobManager.Api.Extensions;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddConsole();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseConsoleAssets();
// Who is calling, then how often (per key), then whether they may: a refused call still counts.
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
if (app.Environment.IsDevelopment())
{
    // The API reference (Scalar) over the OpenAPI document, at /scalar.
    app.MapScalarApiReference().AllowAnonymous();
}
app.MapConsole();
app.MapJobsApi();
app.MapJobTestApi();
app.MapExecutionsApi();
app.MapExecutionCleanupApi();
app.MapBackfillApi();
app.MapKeysApi();
app.MapSigningSecretApi();
app.MapCallbackApi();
app.MapSchedulesApi();

app.Run();
