using JobManager.DevRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// A Redis-compatible server for machines with only the .NET SDK: Microsoft Garnet, hosted in this process.
// The app host starts it (Redis:Mode=embedded) with --DevRedis:Port and --DevRedis:DataDirectory.
var builder = Host.CreateApplicationBuilder(args);

builder.Services.AddOptions<DevRedisOptions>()
    .BindConfiguration(DevRedisOptions.SectionName)
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddHostedService<GarnetHost>();

builder.Build().Run();
