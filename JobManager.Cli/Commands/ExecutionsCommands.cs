using System.CommandLine;
using JobManager.Client;
using JobManager.Client.Resources;

namespace JobManager.Cli.Commands;

/// <summary><c>jm executions list|get [--follow]</c>.</summary>
internal static class ExecutionsCommands
{
    public static Command Create(CliApp app)
    {
        var executions = new Command("executions", "Execution history, and following runs as they finish");
        executions.Add(List(app));
        executions.Add(Get(app));
        executions.Add(Delete(app));
        return executions;
    }

    private static Option<TimeSpan> Interval() => new("--interval")
    {
        Description = "How often --follow asks the Api (default 00:00:02)",
        DefaultValueFactory = _ => TimeSpan.FromSeconds(2),
    };

    private static Command List(CliApp app)
    {
        var service = GlobalOptions.Service();
        var job = new Option<string?>("--job", "-j") { Description = "One job's executions (default: the whole service's)" };
        var status = new Option<string?>("--status") { Description = "pending, running, success or failure" };
        status.AcceptOnlyFromAmong(ExecutionStatuses.Pending, ExecutionStatuses.Running, ExecutionStatuses.Success,
            ExecutionStatuses.Failure);
        var from = new Option<DateTimeOffset?>("--from") { Description = "Scheduled at or after (ISO 8601)" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Scheduled at or before (ISO 8601)" };
        var limit = new Option<int>("--limit", "-n") { Description = "How many, newest first (default 20)", DefaultValueFactory = _ => 20 };
        var follow = new Option<bool>("--follow", "-f") { Description = "Then keep printing executions as they finish, until Ctrl+C" };
        var interval = Interval();
        var command = new Command("list", "A job's or a service's executions, newest first")
        {
            service, job, status, from, to, limit, follow, interval,
        };
        app.Handle(command, async (context, cancellationToken) =>
        {
            var query = new ExecutionQuery
            {
                Status = context.Value(status), From = context.Value(from), To = context.Value(to),
                PageSize = Math.Clamp(context.Value(limit), 1, 1000),
            };
            var name = context.Service(service);
            var jobName = context.Value(job);
            if (context.Value(limit) < 1)
            {
                throw new UsageException("--limit must be at least 1.");
            }
            var items = await context.Client.ListExecutionsAsync(name, jobName, query, cancellationToken)
                .ReadAsync(context.Value(limit), cancellationToken);
            if (!context.Value(follow))
            {
                context.Printer.List(items, Views.Executions);
                return ExitCodes.Ok;
            }
            var follower = new ExecutionFollower(context.Client, name, jobName, query with { PageSize = 100 }, context.Printer);
            await follower.FollowAsync(items, context.Value(interval), cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Get(CliApp app)
    {
        var service = GlobalOptions.Service();
        var job = new Argument<string>("job") { Description = "The job's name" };
        var executionId = new Argument<string>("execution-id") { Description = "The execution's id" };
        var follow = new Option<bool>("--follow", "-f")
        {
            Description = "Wait until it finishes, printing each status change; exit 0 on success, 6 on failure",
        };
        var interval = Interval();
        var command = new Command("get", "Show one execution") { service, job, executionId, follow, interval };
        app.Handle(command, async (context, cancellationToken) =>
        {
            var (name, jobName, id) = (context.Service(service), context.Value(job)!, context.Value(executionId)!);
            var execution = await context.Client.GetExecutionAsync(name, jobName, id, cancellationToken);
            if (!context.Value(follow))
            {
                context.Printer.Item(execution, Views.Execution(execution));
                return ExitCodes.Ok;
            }
            execution = await FollowOneAsync(context, execution, context.Value(interval), cancellationToken);
            return execution.Status == ExecutionStatuses.Success ? ExitCodes.Ok : ExitCodes.ExecutionFailed;
        });
        return command;
    }

    private static Command Delete(CliApp app)
    {
        var service = GlobalOptions.Service();
        var job = new Option<string?>("--job", "-j") { Description = "One job's executions (default: the whole service's)" };
        var before = new Option<DateTimeOffset>("--before")
        {
            Description = "Delete finished executions scheduled before this instant (ISO 8601); pending and running ones stay",
            Required = true,
        };
        var command = new Command("delete", "Delete finished executions scheduled before an instant") { service, job, before };
        app.Handle(command, async (context, cancellationToken) =>
        {
            var name = context.Service(service);
            var deleted = await context.Client.DeleteExecutionsAsync(name, context.Value(job), context.Value(before), cancellationToken);
            context.Printer.Item(deleted, [("deleted", deleted.Deleted.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<Execution> FollowOneAsync(CliContext context, Execution execution, TimeSpan interval,
        CancellationToken cancellationToken)
    {
        var first = true;
        string? shown = null;
        while (true)
        {
            if (execution.Status != shown)
            {
                context.Printer.StreamItem(execution, Views.Executions, first);
                (first, shown) = (false, execution.Status);
            }
            if (execution.IsFinished)
            {
                return execution;
            }
            await Task.Delay(interval, cancellationToken);
            execution = await context.Client.GetExecutionAsync(execution.Service, execution.JobName, execution.ExecutionId,
                cancellationToken);
        }
    }
}
