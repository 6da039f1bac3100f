using JobManager.Api.Apis;
using JobManager.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
// Who is calling, then how often (per key), then whether they may: a refused call still counts.
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapJobsApi();
app.MapExecutionsApi();
app.MapBackfillApi();
app.MapKeysApi();
app.MapSigningSecretApi();
app.MapCallbackApi();
app.MapSchedulesApi();

app.Run();
