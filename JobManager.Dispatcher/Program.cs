using JobManager.Dispatcher;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDispatcher();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
