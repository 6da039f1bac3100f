using System.Text;
using JobManager.Cli;
using JobManager.Tests.Infrastructure;

namespace JobManager.Tests.Cli;

/// <summary>Runs <c>jm</c>'s command tree in-process against the fixture's Api, capturing what it prints.</summary>
public sealed class CliRunner(AppHostFixture fixture, string? key = AppHostFixture.AdminKey)
{
    public async Task<CliRun> RunAsync(params string[] args) => await RunAsync(args, CancellationToken.None);

    public async Task<CliRun> RunAsync(string[] args, CancellationToken cancellationToken, CapturedWriter? output = null)
    {
        output ??= new CapturedWriter();
        var error = new CapturedWriter();
        using var http = new HttpClient();
        var app = new CliApp(new CliEnvironment(fixture.Api.BaseAddress!.ToString(), key, Service: null), http);
        var exitCode = await app.RunAsync(args, output, error, cancellationToken);
        return new CliRun(exitCode, output.Text, error.Text);
    }
}

public sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>A writer that can be read while a command (<c>--follow</c>) is still writing to it.</summary>
public sealed class CapturedWriter : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }
}
