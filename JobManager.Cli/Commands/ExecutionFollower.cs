using JobManager.Cli.Output;
using JobManager.Client;
using JobManager.Client.Resources;

namespace JobManager.Cli.Commands;

/// <summary>
/// <c>jm executions list --follow</c>: prints the finished executions of the first page (oldest first), then
/// polls the newest page and prints each execution once, when it finishes. Unfinished ones are printed when
/// they finish, not before, so a script reading the output sees final records only.
/// </summary>
internal sealed class ExecutionFollower(IJobManagerClient client, string service, string? job, ExecutionQuery query, Printer printer)
{
    private readonly HashSet<string> _printed = [];
    private bool _headerWritten;

    public async Task FollowAsync(IReadOnlyList<Execution> firstPage, TimeSpan interval, CancellationToken cancellationToken)
    {
        Print(firstPage);
        while (true)
        {
            await Task.Delay(interval, cancellationToken);
            // A page of 100 newest: more than 100 runs finishing between two polls would skip some.
            var newest = await client.ListExecutionsAsync(service, job, query, cancellationToken)
                .ReadAsync(query.PageSize, cancellationToken);
            Print(newest);
        }
    }

    private void Print(IReadOnlyList<Execution> newestFirst)
    {
        foreach (var execution in newestFirst.Where(e => e.IsFinished).Reverse())
        {
            if (_printed.Add(execution.ExecutionId))
            {
                printer.StreamItem(execution, Views.Executions, first: !_headerWritten);
                _headerWritten = true;
            }
        }
    }
}
