using System.CommandLine;
using JobManager.Cli.Output;
using JobManager.Client.Resources;

namespace JobManager.Cli.Commands;

/// <summary><c>jm schedule next "&lt;expression&gt;" [--tz ...] [--count N]</c> (admin key).</summary>
internal static class ScheduleCommands
{
    public static Command Create(CliApp app)
    {
        var schedule = new Command("schedule", "What a schedule expression means");
        var expression = new Argument<string>("expression") { Description = "cron(...), rate(...) or at(...)" };
        var count = new Option<int?>("--count", "-n") { Description = "How many instants (1-100; Api default 10)" };
        var tz = new Option<string?>("--tz")
        {
            Description = "An IANA time zone the expression is read in (default UTC; the times shown stay UTC)",
        };
        var after = new Option<DateTimeOffset?>("--after") { Description = "Instants after this time (default now)" };
        var service = GlobalOptions.Service("With --job: show that job's rate phase");
        var job = new Option<string?>("--job", "-j") { Description = "With --service: show that job's rate phase" };
        var next = new Command("next", "The next instants of an expression") { expression, count, tz, after, service, job };
        app.Handle(next, async (context, cancellationToken) =>
        {
            var query = new ScheduleQuery(context.Value(expression)!)
            {
                Count = context.Value(count),
                Timezone = context.Value(tz),
                After = context.Value(after),
                Service = context.Value(service),
                Job = context.Value(job),
            };
            var preview = await context.Client.GetNextScheduleTimesAsync(query, cancellationToken);
            // The instants are UTC whatever the zone; the Api names the zone it read the expression in.
            context.Printer.Message($"{preview.Expression} read in {preview.Timezone ?? "UTC"}:");
            context.Printer.List(preview.Times, new Table<DateTimeOffset>(("TIME (UTC)", t => Views.Time(t), 0)));
            return ExitCodes.Ok;
        });
        schedule.Add(next);
        return schedule;
    }
}
