namespace JobManager.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        var app = new CliApp(CliEnvironment.FromProcess(), http);
        return await app.RunAsync(args, Console.Out, Console.Error);
    }
}
