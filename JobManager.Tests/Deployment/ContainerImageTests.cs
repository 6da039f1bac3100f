using System.Diagnostics;
using System.Text.Json.Nodes;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Deployment;

/// <summary>
/// The published images (<c>dotnet publish -t:PublishContainer</c>) must resolve IANA zones such as
/// <c>Europe/Berlin</c>: .NET reads them from the image's tzdata, which the plain chiseled base image lacks.
/// No container engine here, so this reads the container settings MSBuild publishes with.
/// </summary>
public sealed class ContainerImageTests
{
    // mcr.microsoft.com/dotnet/aspnet images that carry /usr/share/zoneinfo.
    private static readonly string[] BaseImagesWithTzdata =
    [
        "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra",
        "mcr.microsoft.com/dotnet/aspnet:10.0",
        "mcr.microsoft.com/dotnet/aspnet:10.0-noble",
    ];

    [Theory]
    [InlineData("JobManager.Api")]
    [InlineData("JobManager.Dispatcher")]
    public async Task PublishedImage_CarriesTheTimeZoneDatabase(string project)
    {
        var properties = await GetPropertiesAsync(project, "ContainerBaseImage", "InvariantTimezone", "UseSystemResourceKeys");

        Assert.Contains(properties["ContainerBaseImage"], BaseImagesWithTzdata);
        // InvariantTimezone would make every zone but UTC unknown (it is meant for browsers).
        Assert.NotEqual("true", properties["InvariantTimezone"], StringComparer.OrdinalIgnoreCase);
    }

    private static async Task<Dictionary<string, string>> GetPropertiesAsync(string project, params string[] names)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = BuildOutput.RepositoryRoot,
        };
        start.ArgumentList.Add("msbuild");
        start.ArgumentList.Add(Path.Combine(project, $"{project}.csproj"));
        start.ArgumentList.Add("-nologo");
        foreach (var name in names)
        {
            start.ArgumentList.Add($"-getProperty:{name}");
        }
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dotnet msbuild exited with {process.ExitCode}: {output}");
        var values = JsonNode.Parse(output)!["Properties"]!.AsObject();
        return values.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "");
    }
}
