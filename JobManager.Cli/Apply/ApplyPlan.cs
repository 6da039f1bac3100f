using JobManager.Client.Resources;

namespace JobManager.Cli.Apply;

/// <summary>What <c>jm apply</c> will do: each job to create, update, delete (with --prune) or leave alone.</summary>
public sealed record ApplyPlan(IReadOnlyList<PlannedChange> Changes, IReadOnlyList<string> Unchanged, IReadOnlyList<string> NotInFile)
{
    public static ApplyPlan Compute(IReadOnlyDictionary<string, DesiredJob> wanted, IReadOnlyList<Job> current, bool prune)
    {
        var existing = current.ToDictionary(j => j.JobName, DesiredJob.From, StringComparer.Ordinal);
        var changes = new List<PlannedChange>();
        var unchanged = new List<string>();
        foreach (var (name, job) in wanted.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            if (!existing.TryGetValue(name, out var now))
            {
                changes.Add(new PlannedChange(ChangeKind.Create, name, job, []));
            }
            else if (now.Differences(job).Any())
            {
                changes.Add(new PlannedChange(ChangeKind.Update, name, job, [.. now.Differences(job)]));
            }
            else
            {
                unchanged.Add(name);
            }
        }
        var notInFile = existing.Keys.Where(name => !wanted.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        if (prune)
        {
            changes.AddRange(notInFile.Select(name => new PlannedChange(ChangeKind.Delete, name, null, [])));
            notInFile = [];
        }
        return new ApplyPlan(changes, unchanged, notInFile);
    }
}

public enum ChangeKind
{
    Create,
    Update,
    Delete,
}

/// <summary>One change; <see cref="Differences"/> lists an update's fields (current → wanted).</summary>
public sealed record PlannedChange(
    ChangeKind Kind, string Job, DesiredJob? Wanted, IReadOnlyList<(string Field, string? From, string? To)> Differences);
