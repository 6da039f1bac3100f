using JobManager.Api.Apis;
using JobManager.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapJobsApi();
app.MapExecutionsApi();
app.MapCallbackApi();
app.MapSchedulesApi();

app.Run();
