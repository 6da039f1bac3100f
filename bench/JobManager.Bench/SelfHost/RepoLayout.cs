namespace JobManager.Bench.SelfHost;

/// <summary>Where the repository and the services' build output are, found from this tool's location.</summary>
public sealed class RepoLayout(string root)
{
    public string Root { get; } = root;

    public string ResultsDirectory => Path.Combine(Root, "bench", "results");

    /// <summary>Walks up from the tool's output (or the working directory) to the folder with JobManager.sln.</summary>
    public static RepoLayout Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "JobManager.sln")))
                {
                    return new RepoLayout(dir.FullName);
                }
            }
        }
        throw new InvalidOperationException("Cannot find JobManager.sln above the tool or the working directory; run from the repository.");
    }

    /// <summary>A service's built entry assembly, e.g. <c>JobManager.Api/bin/Release/net10.0/JobManager.Api.dll</c>.</summary>
    public string ServiceDll(string project, string configuration)
    {
        var bin = Path.Combine(Root, project, "bin", configuration);
        var dll = Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, project + ".dll", SearchOption.AllDirectories).FirstOrDefault()
            : null;
        return dll ?? throw new InvalidOperationException(
            $"{project}.dll is not built under {bin}. Run `dotnet build -c {configuration}` in {Root} first.");
    }
}
