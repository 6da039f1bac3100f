using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace JobManager.Tests.Deployment;

/// <summary>
/// <c>azd up</c> starts by running the app host as <c>dotnet run --project JobManager.AppHost --publisher
/// manifest --output-path ...</c> and deploys what the manifest describes; this runs the same command.
/// </summary>
public sealed class PublishManifestTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private readonly string _output = Directory.CreateTempSubdirectory("jobmanager-manifest-").FullName;

    [Fact]
    public async Task AppHost_PublishesAManifest_WithRedisApiAndDispatcher()
    {
        var (exitCode, output) = await RunAppHostAsync("--publisher", "manifest", "--output-path", _output);

        Assert.True(exitCode == 0, $"the app host exited with {exitCode}:\n{output}");
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_output, "aspire-manifest.json")))!["resources"]!;

        var redis = manifest["redis"]!;
        Assert.Equal("container.v0", redis["type"]!.GetValue<string>());
        // Durable as the app host's local Redis: AOF flushed every second, never evicting job records.
        var command = string.Join(' ', redis["args"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Contains("--appendonly yes --appendfsync everysec --maxmemory-policy noeviction", command, StringComparison.Ordinal);

        var api = manifest["api"]!;
        Assert.Equal("project.v0", api["type"]!.GetValue<string>());
        Assert.True(api["bindings"]!["http"]!["external"]!.GetValue<bool>(), "services must reach the Api's callback URLs");
        Assert.Equal("{redis.connectionString}", api["env"]!["ConnectionStrings__redis"]!.GetValue<string>());

        var dispatcher = manifest["dispatcher"]!;
        Assert.Equal("project.v0", dispatcher["type"]!.GetValue<string>());
        Assert.Equal("{redis.connectionString}", dispatcher["env"]!["ConnectionStrings__redis"]!.GetValue<string>());
        Assert.Equal("{callback-secret.value}", dispatcher["env"]!["JobManager__CallbackSecret"]!.GetValue<string>());
        Assert.Equal("{callback-secret.value}", api["env"]!["JobManager__CallbackSecret"]!.GetValue<string>());

        Assert.True(manifest["callback-secret"]!["inputs"]!["value"]!["secret"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AppHost_PublishesAConnectionStringParameter_WhenTheDeploymentBringsItsOwnRedis()
    {
        var (exitCode, output) = await RunAppHostAsync("--publisher", "manifest", "--output-path", _output, "--Redis:Mode=external");

        Assert.True(exitCode == 0, $"the app host exited with {exitCode}:\n{output}");
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_output, "aspire-manifest.json")))!["resources"]!;
        var redis = manifest["redis"]!;
        // azd asks for it (a secret) at deployment, e.g. the managed Redis' "host:6380,ssl=true,password=...".
        Assert.Equal("parameter.v0", redis["type"]!.GetValue<string>());
        Assert.True(redis["inputs"]!["value"]!["secret"]!.GetValue<bool>());
        Assert.Equal("{redis.connectionString}", manifest["dispatcher"]!["env"]!["ConnectionStrings__redis"]!.GetValue<string>());
    }

    // The app host as built for this test run (no build here: the test project already built it).
    private static async Task<(int ExitCode, string Output)> RunAppHostAsync(params string[] arguments)
    {
        var configuration = typeof(PublishManifestTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
            ?? "Debug";
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--no-build", "--configuration", configuration, "--project",
            Projects.JobManager_AppHost.ProjectPath, "--" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Publishing the manifest took more than {Timeout.TotalMinutes} minutes.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);
}
