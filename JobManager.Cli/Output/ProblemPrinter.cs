using JobManager.Client;

namespace JobManager.Cli.Output;

/// <summary>An Api error as a person reads it: status, title, detail, then each field error on its own line.</summary>
public static class ProblemPrinter
{
    public static void Write(TextWriter error, JobManagerApiException exception)
    {
        var problem = exception.Problem;
        error.WriteLine($"Error: {(int)exception.StatusCode} {problem.Title}");
        if (problem.Detail is { Length: > 0 } detail)
        {
            error.WriteLine($"  {detail}");
        }
        foreach (var (field, messages) in exception.FieldErrors)
        {
            foreach (var message in messages)
            {
                error.WriteLine($"  {field}: {message}");
            }
        }
    }
}
