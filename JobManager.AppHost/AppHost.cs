using Microsoft.Extensions.Configuration;
using JobManager.AppHost.Redis;
using JobManager.AppHost.Services;

var builder = DistributedApplication.CreateBuilder(args);

// A container, a redis-server from PATH or your own server: Redis:Mode decides (docs/app-host.md).
var redis = builder.AddJobManagerRedis("redis");

// Signs callback URLs; generated once and kept in the app host's user secrets.
var callbackSecret = builder.AddParameter("callback-secret",
    new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);

// The admin API key (Authorization: Bearer <key>); generated once, kept in the app host's user
// secrets. Find it in the dashboard (the admin-key parameter) or with
// `dotnet user-secrets list --project JobManager.AppHost`.
var adminKey = builder.AddParameter("admin-key",
    new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);

var api = builder.AddProject<Projects.JobManager_Api>("api")
    .WithReference(redis)
    .WaitFor(redis)
    .WithEnvironment("JobManager__CallbackSecret", callbackSecret)
    .WithEnvironment("JobManager__AdminKeys__0", adminKey)
    .WithLocalWebhookTargets(builder.ExecutionContext)
    .WithConsole(builder.Configuration, builder.ExecutionContext)
    .WithJobManagerSettings(builder.Configuration)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.AddProject<Projects.JobManager_Dispatcher>("dispatcher")
    .WithReference(redis)
    .WaitFor(redis)
    .WaitFor(api)
    .WithEnvironment("JobManager__CallbackSecret", callbackSecret)
    .WithEnvironment("JobManager__PublicBaseUrl", api.GetEndpoint("http"))
    .WithLocalWebhookTargets(builder.ExecutionContext)
    .WithJobManagerSettings(builder.Configuration)
    .WithHttpHealthCheck("/health")
    .WithReplicas(builder.Configuration.GetValue("Dispatcher:Replicas", 2));

// Development: a service written with JobManager.Client, receiving a job's webhooks (samples/, docs/client.md).
if (builder.ExecutionContext.IsRunMode &&
    builder.Configuration.GetValue("Samples:Run", builder.Environment.EnvironmentName == "Development"))
{
    builder.AddProject<Projects.JobManager_Sample>("sample")
        .WithJobManager(api, "sample")
        .WithHttpHealthCheck("/health");
}

builder.Build().Run();
