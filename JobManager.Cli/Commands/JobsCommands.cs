using System.CommandLine;
using System.Text.Json;
using JobManager.Client.Resources;

namespace JobManager.Cli.Commands;

/// <summary><c>jm jobs list|get|put|delete|run|test</c>.</summary>
internal static class JobsCommands
{
    public static Command Create(CliApp app)
    {
        var jobs = new Command("jobs", "Create, read, update, delete, run and test jobs");
        jobs.Add(List(app));
        jobs.Add(Get(app));
        jobs.Add(Put(app));
        jobs.Add(Delete(app));
        jobs.Add(Run(app));
        jobs.Add(Test(app));
        jobs.Add(Backfill(app));
        return jobs;
    }

    private static Argument<string> JobName() => new("job") { Description = "The job's name" };

    private static Command List(CliApp app)
    {
        var service = GlobalOptions.Service("The service (default: $JM_SERVICE); without one, every service's jobs (admin key)");
        var enabled = new Option<bool?>("--enabled") { Description = "Only enabled (true) or disabled (false) jobs" };
        var health = new Option<string?>("--health") { Description = "Only healthy, failing or paused jobs" };
        health.AcceptOnlyFromAmong(JobHealth.Healthy, JobHealth.Failing, JobHealth.Paused);
        var command = new Command("list", "List jobs by name") { service, enabled, health };
        app.Handle(command, async (context, cancellationToken) =>
        {
            var query = new JobQuery { Enabled = context.Value(enabled), Health = context.Value(health) };
            var name = context.OptionalService(service);
            var items = name is null
                ? context.Client.ListAllJobsAsync(null, query, cancellationToken)
                : context.Client.ListJobsAsync(name, query, cancellationToken);
            context.Printer.List(await items.ReadAsync(null, cancellationToken), Views.Jobs);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Get(CliApp app)
    {
        var service = GlobalOptions.Service();
        var job = JobName();
        var command = new Command("get", "Show one job") { service, job };
        app.Handle(command, async (context, cancellationToken) =>
        {
            var found = await context.Client.GetJobAsync(context.Service(service), context.Value(job)!, cancellationToken);
            context.Printer.Item(found, Views.Job(found));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Put(CliApp app)
    {
        var service = GlobalOptions.Service();
        var job = JobName();
        var schedule = new Option<string>("--schedule") { Description = "cron(...), rate(...) or at(...)", Required = true };
        var target = new Option<string>("--target")
        {
            Description = "invocation_target: the URL that receives the webhooks", Required = true,
        };
        var payload = new Option<string?>("--payload") { Description = "A string sent with every webhook (often JSON)" };
        var ttl = new Option<int?>("--ttl") { Description = "ttl_seconds (Api default 300)" };
        var catchup = new Option<int?>("--catchup-window") { Description = "catchup_window_seconds (Api default 60)" };
        var enabled = new Option<bool?>("--enabled") { Description = "false pauses the job (Api default true)" };
        var exclusive = new Option<bool?>("--exclusive") { Description = "true: no overlapping runs (Api default false)" };
        var command = new Command("put", "Create or update a job; fields not given take the Api's defaults")
        {
            service, job, schedule, target, payload, ttl, catchup, enabled, exclusive,
        };
        app.Handle(command, async (context, cancellationToken) =>
        {
            var definition = new JobDefinition(context.Value(schedule)!, context.Value(target)!)
            {
                Payload = context.Value(payload),
                TtlSeconds = context.Value(ttl),
                CatchupWindowSeconds = context.Value(catchup),
                Enabled = context.Value(enabled),
                Exclusive = context.Value(exclusive),
            };
            var saved = await context.Client.PutJobAsync(context.Service(service), context.Value(job)!, definition, cancellationToken);
            context.Printer.Message(saved.Created ? $"Created {saved.Job.Service}/{saved.Job.JobName}."
                : $"Updated {saved.Job.Service}/{saved.Job.JobName}.");
            context.Printer.Item(saved.Job, Views.Job(saved.Job));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(CliApp app)
    {
        var service = GlobalOptions.Service();
        var job = JobName();
        var command = new Command("delete", "Delete a job; it fires no more") { service, job };
        app.Handle(command, async (context, cancellationToken) =>
        {
            var name = context.Service(service);
            await context.Client.DeleteJobAsync(name, context.Value(job)!, cancellationToken);
            context.Printer.Message($"Deleted {name}/{context.Value(job)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Run(CliApp app)
    {
        var service = GlobalOptions.Service();
        var job = JobName();
        var command = new Command("run", "Run a job now (also when disabled); prints the new execution") { service, job };
        app.Handle(command, async (context, cancellationToken) =>
        {
            var execution = await context.Client.RunJobNowAsync(context.Service(service), context.Value(job)!, cancellationToken);
            context.Printer.Item(execution, Views.Execution(execution));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Test(CliApp app)
    {
        var service = GlobalOptions.Service();
        var job = JobName();
        var command = new Command("test",
            "Send the job a test event (POST .../test): prints the webhook's answer and its callback (null if none within 10 s)")
        {
            service, job,
        };
        app.Handle(command, async (context, cancellationToken) =>
        {
            var answer = await context.Client.TestJobAsync(context.Service(service), context.Value(job)!, cancellationToken);
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(answer, Output.Printer.Json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Backfill(CliApp app)
    {
        var service = GlobalOptions.Service();
        var job = JobName();
        var from = new Option<DateTimeOffset>("--from") { Description = "First instant (ISO 8601, inclusive)", Required = true };
        var to = new Option<DateTimeOffset>("--to") { Description = "Last instant (ISO 8601, inclusive)", Required = true };
        var command = new Command("backfill",
            "Create one execution per schedule instant from --from to --to (in the job's timezone, at most 1,000), delivered now")
        {
            service, job, from, to,
        };
        app.Handle(command, async (context, cancellationToken) =>
        {
            var (name, jobName) = (context.Service(service), context.Value(job)!);
            var created = await context.Client.BackfillJobAsync(name, jobName, context.Value(from), context.Value(to), cancellationToken);
            context.Printer.Item(created, [
                ("count", created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("execution_ids", string.Join(' ', created.ExecutionIds)),
            ]);
            return ExitCodes.Ok;
        });
        return command;
    }
}
