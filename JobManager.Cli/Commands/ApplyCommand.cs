using System.CommandLine;
using System.Text.Json;
using JobManager.Cli.Apply;
using JobManager.Cli.Output;
using JobManager.Client;

namespace JobManager.Cli.Commands;

/// <summary>
/// <c>jm apply -f jobs.yaml --service S [--prune] [--dry-run]</c>: makes a service's jobs match a file,
/// printing the diff first. A job whose normalised definition already matches gets no PUT.
/// </summary>
internal static class ApplyCommand
{
    public static Command Create(CliApp app)
    {
        var file = new Option<FileInfo>("--file", "-f") { Description = "The jobs file (YAML, docs/cli.md)", Required = true };
        var service = GlobalOptions.Service("The service (default: the file's service, then $JM_SERVICE)");
        var prune = new Option<bool>("--prune") { Description = "Also delete the service's jobs that are not in the file" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the diff, change nothing" };
        var command = new Command("apply", "Make a service's jobs match a file: create, update and (--prune) delete")
        {
            file, service, prune, dryRun,
        };
        app.Handle(command, async (context, cancellationToken) =>
        {
            var path = context.Value(file)!.FullName;
            var jobsFile = JobsFile.Load(path);
            var name = ServiceOf(context, service, jobsFile);
            var wanted = (jobsFile.Jobs ?? []).ToDictionary(j => j.Key, j => DesiredJob.From(j.Value), StringComparer.Ordinal);
            var current = await context.Client.ListJobsAsync(name, cancellationToken: cancellationToken).ReadAsync(null, cancellationToken);
            var plan = ApplyPlan.Compute(wanted, current, context.Value(prune));
            var apply = !context.Value(dryRun) && plan.Changes.Count > 0;
            if (context.Format == OutputFormat.Json)
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(JsonReport(name, plan, apply), Printer.Json));
            }
            else
            {
                WriteDiff(context.Out, name, plan, context.Value(dryRun));
            }
            if (apply)
            {
                await ApplyAsync(context.Client, name, plan, context.Printer, cancellationToken);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ServiceOf(CliContext context, Option<string?> option, JobsFile file)
    {
        var given = context.Value(option);
        if (given is not null && file.Service is not null && given != file.Service)
        {
            throw new UsageException($"--service {given} does not match the file's service '{file.Service}'.");
        }
        return given ?? file.Service ?? context.Service(option);
    }

    private static void WriteDiff(TextWriter output, string service, ApplyPlan plan, bool dryRun)
    {
        int Count(ChangeKind kind) => plan.Changes.Count(c => c.Kind == kind);
        output.WriteLine($"Service {service}: {Count(ChangeKind.Create)} to create, {Count(ChangeKind.Update)} to update, " +
            $"{Count(ChangeKind.Delete)} to delete, {plan.Unchanged.Count} unchanged.");
        foreach (var change in plan.Changes)
        {
            switch (change.Kind)
            {
                case ChangeKind.Create:
                    output.WriteLine($"+ {change.Job}");
                    foreach (var (field, value) in change.Wanted!.Fields())
                    {
                        output.WriteLine($"    {field}: {value ?? "null"}");
                    }
                    break;
                case ChangeKind.Update:
                    output.WriteLine($"~ {change.Job}");
                    foreach (var (field, from, to) in change.Differences)
                    {
                        output.WriteLine($"    {field}: {from ?? "null"} -> {to ?? "null"}");
                    }
                    break;
                case ChangeKind.Delete:
                    output.WriteLine($"- {change.Job}");
                    break;
            }
        }
        foreach (var job in plan.NotInFile)
        {
            output.WriteLine($"  {job} is not in the file: kept (--prune deletes it)");
        }
        output.WriteLine(plan.Changes.Count == 0 ? "No changes." : dryRun ? "Dry run: nothing changed." : "Applying...");
    }

    private static async Task ApplyAsync(IJobManagerClient client, string service, ApplyPlan plan, Printer printer,
        CancellationToken cancellationToken)
    {
        foreach (var change in plan.Changes)
        {
            if (change.Kind == ChangeKind.Delete)
            {
                await client.DeleteJobAsync(service, change.Job, cancellationToken);
                printer.Message($"deleted {change.Job}");
                continue;
            }
            var saved = await client.PutJobAsync(service, change.Job, change.Wanted!.ToDefinition(), cancellationToken);
            printer.Message($"{(saved.Created ? "created" : "updated")} {change.Job}");
        }
        printer.Message("Done.");
    }

    private static object JsonReport(string service, ApplyPlan plan, bool applied) => new
    {
        Service = service,
        Applied = applied,
        Changes = plan.Changes.Select(c => new
        {
            Action = c.Kind.ToString().ToLowerInvariant(),
            c.Job,
            Differences = c.Differences.Select(d => new { d.Field, d.From, d.To }),
        }),
        plan.Unchanged,
        plan.NotInFile,
    };
}
