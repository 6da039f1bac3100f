using JobManager.AppHost.Redis;

var builder = DistributedApplication.CreateBuilder(args);

// A container, a redis-server from PATH or your own server: Redis:Mode decides (docs/app-host.md).
var redis = builder.AddJobManagerRedis("redis");

builder.AddProject<Projects.JobManager_Api>("api")
    .WithReference(redis)
    .WaitFor(redis)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.Build().Run();
