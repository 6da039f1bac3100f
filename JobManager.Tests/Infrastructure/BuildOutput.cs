using System.Reflection;

namespace JobManager.Tests.Infrastructure;

/// <summary>Finds the services' assemblies that the solution build put next to their projects.</summary>
public static class BuildOutput
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string AssemblyOf(string project)
    {
        var configuration = typeof(BuildOutput).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = Path.Combine(RepositoryRoot, project, "bin", configuration, "net10.0", $"{project}.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"{path} is missing: build the solution first (`dotnet build`), as `dotnet test` on the solution does.");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "JobManager.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException("JobManager.sln not found above the test assembly.");
    }
}
