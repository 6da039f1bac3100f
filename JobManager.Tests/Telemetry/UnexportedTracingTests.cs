using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace JobManager.Tests.Telemetry;

/// <summary>The services make spans only when they leave the process: with no exporter configured nothing would read them.</summary>
[Collection(TracerProviderCollection.Name)]
public sealed class UnexportedTracingTests
{
    [Theory]
    [InlineData("", false)]
    // A port nothing listens on: the exporter's attempts fail at once.
    [InlineData("http://127.0.0.1:1", true)]
    public async Task Spans_AreSampled_OnlyWhenAnExporterIsConfigured(string endpoint, bool sampled)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint;
        builder.AddServiceDefaults();
        builder.SampleNothingWithoutExporter();
        await using var app = builder.Build();
        // The tracer provider listens from when it is built.
        _ = app.Services.GetRequiredService<TracerProvider>();
        // A JobManager.* source of its own, so no other test's listener samples it.
        using var source = new ActivitySource($"JobManager.Tests.Sampling.{Guid.NewGuid():N}");

        using var activity = source.StartActivity("probe");

        Assert.Equal(sampled, activity?.Recorded == true);
    }
}
