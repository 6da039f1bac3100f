using System.Net;
using System.Text;

namespace JobManager.Client;

/// <summary>
/// The Api answered with an error. <see cref="Problem"/> carries its problem details, field errors included;
/// the message repeats them, so a log line says what to fix.
/// </summary>
public sealed class JobManagerApiException(HttpStatusCode statusCode, JobManagerProblem problem)
    : Exception(Describe(statusCode, problem))
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public JobManagerProblem Problem { get; } = problem;

    /// <summary>The field errors of a 400, or an empty dictionary.</summary>
    public IReadOnlyDictionary<string, string[]> FieldErrors => Problem.Errors ?? new Dictionary<string, string[]>();

    private static string Describe(HttpStatusCode statusCode, JobManagerProblem problem)
    {
        var text = new StringBuilder($"{(int)statusCode} {problem.Title ?? statusCode.ToString()}");
        if (problem.Detail is { Length: > 0 } detail)
        {
            text.Append(": ").Append(detail);
        }
        foreach (var (field, messages) in problem.Errors ?? new Dictionary<string, string[]>())
        {
            text.Append($"; {field}: {string.Join(", ", messages)}");
        }
        return text.ToString();
    }
}
