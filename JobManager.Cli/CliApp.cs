using System.CommandLine;
using System.Net;
using JobManager.Cli.Commands;
using JobManager.Cli.Output;
using JobManager.Client;

namespace JobManager.Cli;

/// <summary>
/// The <c>jm</c> command tree and how a command's outcome becomes an exit code. Runs in-process for tests:
/// output, errors, environment and the <see cref="HttpClient"/> are given to it.
/// </summary>
public sealed class CliApp
{
    private readonly CliEnvironment _environment;
    private readonly HttpClient _http;

    public CliApp(CliEnvironment environment, HttpClient http)
    {
        _environment = environment;
        _http = http;
        Root = new RootCommand("jm: manage JobManager jobs, executions, keys and secrets. Docs: docs/cli.md")
        {
            GlobalOptions.Url,
            GlobalOptions.Key,
            GlobalOptions.Output,
            JobsCommands.Create(this),
            ExecutionsCommands.Create(this),
            ScheduleCommands.Create(this),
            KeysCommands.Create(this),
            SecretCommands.Create(this),
            ApplyCommand.Create(this),
        };
    }

    public RootCommand Root { get; }

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parseResult = Root.Parse(args);
        var invocation = new InvocationConfiguration { Output = output, Error = error };
        if (parseResult.Errors.Count > 0 && parseResult.Action is not { ClearsParseErrors: true })
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }
            await error.WriteLineAsync($"Run '{parseResult.CommandResult.Command.Name} --help' for usage.");
            return ExitCodes.Usage;
        }
        return await parseResult.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>Gives <paramref name="command"/> an action whose errors become exit codes and readable messages.</summary>
    internal void Handle(Command command, Func<CliContext, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var context = new CliContext(parseResult, _environment, _http);
            try
            {
                return await action(context, cancellationToken);
            }
            catch (UsageException e)
            {
                await context.Error.WriteLineAsync($"Error: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (JobManagerApiException e)
            {
                ProblemPrinter.Write(context.Error, e);
                return e.StatusCode switch
                {
                    HttpStatusCode.NotFound => ExitCodes.NotFound,
                    HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ExitCodes.Unauthorized,
                    _ => ExitCodes.ApiError,
                };
            }
            catch (HttpRequestException e)
            {
                await context.Error.WriteLineAsync($"Error: cannot reach the Api: {e.Message}");
                return ExitCodes.Unreachable;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Ok; // Ctrl+C ends a --follow: what was asked for was shown
            }
        });
}
