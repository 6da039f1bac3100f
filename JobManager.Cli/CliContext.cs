using System.CommandLine;
using JobManager.Cli.Output;
using JobManager.Client;

namespace JobManager.Cli;

/// <summary>What a command's action works with: the parsed command line, the client, and where to write.</summary>
public sealed class CliContext(ParseResult parseResult, CliEnvironment environment, HttpClient http)
{
    public ParseResult ParseResult { get; } = parseResult;

    public TextWriter Out => ParseResult.InvocationConfiguration.Output;

    public TextWriter Error => ParseResult.InvocationConfiguration.Error;

    public OutputFormat Format => ParseResult.GetValue(GlobalOptions.Output);

    public Printer Printer => new(Out, Format);

    public T? Value<T>(Option<T> option) => ParseResult.GetValue(option);

    public T? Value<T>(Argument<T> argument) => ParseResult.GetValue(argument);

    /// <summary>The service from <c>--service</c> or <c>$JM_SERVICE</c>; a usage error when neither is set.</summary>
    public string Service(Option<string?> option) =>
        ParseResult.GetValue(option) ?? environment.Service
        ?? throw new UsageException("No service: pass --service or set JM_SERVICE.");

    public string? OptionalService(Option<string?> option) => ParseResult.GetValue(option) ?? environment.Service;

    private JobManagerClient? _client;

    public IJobManagerClient Client
    {
        get
        {
            var url = ParseResult.GetValue(GlobalOptions.Url) ?? environment.Url
                ?? throw new UsageException("No Api address: pass --url or set JM_URL (e.g. http://localhost:5080).");
            var key = ParseResult.GetValue(GlobalOptions.Key) ?? environment.Key
                ?? throw new UsageException("No API key: pass --key or set JM_KEY.");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"--url must be an absolute http(s) URL, got '{url}'.");
            }
            return _client ??= JobManagerClient.Create(baseAddress, key, http);
        }
    }
}
