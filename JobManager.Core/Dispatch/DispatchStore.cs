using System.Globalization;
using JobManager.Core.Configuration;
using JobManager.Core.Executions;
using JobManager.Core.Jobs;
using JobManager.Core.Schedules;
using JobManager.Core.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobManager.Core.Dispatch;

/// <summary>
/// The dispatcher's side of the store: the time wheel, leases, deadlines. Every state change is one
/// script in one shard; candidates are read first so each script names all its keys (Redis Cluster).
/// </summary>
public sealed class DispatchStore(IConnectionMultiplexer redis, RedisKeys keys, IOptions<RetentionOptions> retention)
{
    private IDatabase Db => redis.GetDatabase();

    private long RetentionMs => retention.Value.Days * 86_400_000L;

    public RedisKeys Keys => keys;

    /// <summary>Redis server time in Unix ms: the one clock every due and deadline comparison uses.</summary>
    public async Task<long> ServerNowMsAsync()
    {
        var time = await redis.GetServers()[0].TimeAsync();
        return new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
    }

    /// <summary>
    /// The earliest work of every shard, read in one pipelined round trip; due jobs count
    /// <paramref name="dueAheadMs"/> early, as they are claimed that far ahead.
    /// </summary>
    public async Task<IReadOnlyList<long?>> PeekEarliestAsync(long dueAheadMs = 0)
    {
        var db = Db;
        var reads = keys.Shards.SelectMany(shard => new[]
        {
            db.SortedSetRangeByRankWithScoresAsync(keys.Due(shard), 0, 0),
            db.SortedSetRangeByRankWithScoresAsync(keys.Pending(shard), 0, 0),
            db.SortedSetRangeByRankWithScoresAsync(keys.Deadlines(shard), 0, 0),
        }).ToArray();
        await Task.WhenAll(reads);
        return keys.Shards
            .Select(shard => reads.Skip(shard * 3).Take(3)
                .SelectMany((r, i) => r.Result.Select(e => (long?)((long)e.Score - (i == 0 ? dueAheadMs : 0))))
                .Min())
            .ToList();
    }

    /// <summary>
    /// Claims jobs due by <paramref name="nowMs"/> + <paramref name="aheadMs"/>: those already due as
    /// deliveries, the others as reservations to arm at their instant (<see cref="ArmAsync"/>).
    /// </summary>
    public async Task<ClaimResult> ClaimDueAsync(int shard, long nowMs, int batch, long leaseMs, long graceMs, long aheadMs = 0)
    {
        var db = Db;
        var due = await db.SortedSetRangeByScoreAsync(keys.Due(shard), double.NegativeInfinity, nowMs + aheadMs, Exclude.None, Order.Ascending, 0, batch);
        if (due.Length == 0)
        {
            return Empty;
        }
        var scriptKeys = new List<RedisKey>(2 + due.Length * 4) { keys.Due(shard), keys.Pending(shard) };
        var args = new List<RedisValue>(5 + due.Length * 3) { leaseMs, graceMs, RetentionMs, JobDefaults.QueuedOccurrences / 2, aheadMs };
        foreach (var member in due)
        {
            var job = JobRef.FromWheelMember(member!);
            var id = ExecutionId.New(shard);
            scriptKeys.AddRange([keys.Job(job), keys.JobExecutions(job), keys.ActiveExecutions(job), keys.Execution(shard, id)]);
            args.AddRange([member, id, RedisKeys.ExecutionMember(id)]);
        }
        var result = await db.ScriptEvaluateAsync(LuaScripts.ClaimDue, [.. scriptKeys], [.. args]);
        return Parse(shard, (RedisResult[])result!, due.Length, fromClaim: true);
    }

    public async Task<ClaimResult> ReclaimAsync(int shard, long nowMs, int batch, long leaseMs)
    {
        var db = Db;
        var expired = await db.SortedSetRangeByScoreAsync(keys.Pending(shard), double.NegativeInfinity, nowMs, Exclude.None, Order.Ascending, 0, batch);
        if (expired.Length == 0)
        {
            return Empty;
        }
        var scriptKeys = new List<RedisKey>(1 + expired.Length * 3) { keys.Pending(shard) };
        var args = new List<RedisValue>(2 + expired.Length) { leaseMs, RetentionMs };
        foreach (var member in expired)
        {
            var (id, job) = RedisKeys.ParseWorkMember(member!);
            scriptKeys.AddRange([keys.Execution(shard, id), keys.Job(job), keys.ActiveExecutions(job)]);
            args.Add(member);
        }
        var result = await db.ScriptEvaluateAsync(LuaScripts.ReclaimPending, [.. scriptKeys], [.. args]);
        return await WithPastLastSuccessAsync(db, shard, Parse(shard, (RedisResult[])result!, expired.Length, fromClaim: false));
    }

    /// <summary>
    /// Arms reservations at their instant (arm_reserved.lua): each becomes a delivery, an
    /// exclusive-conflict failure, or is cancelled because its job no longer wants it.
    /// </summary>
    public async Task<ClaimResult> ArmAsync(int shard, IReadOnlyCollection<Reservation> reservations)
    {
        if (reservations.Count == 0)
        {
            return Empty;
        }
        var db = Db;
        var scriptKeys = new List<RedisKey>(1 + reservations.Count * 4) { keys.Pending(shard) };
        var args = new List<RedisValue>(1 + reservations.Count * 3) { RetentionMs };
        foreach (var reservation in reservations)
        {
            var job = reservation.Job;
            scriptKeys.AddRange([keys.Execution(shard, reservation.ExecutionId), keys.Job(job), keys.ActiveExecutions(job),
                keys.JobExecutions(job)]);
            args.AddRange([RedisKeys.WorkMember(reservation.ExecutionId, job), reservation.Attempt, RedisKeys.ExecutionMember(reservation.ExecutionId)]);
        }
        var result = await db.ScriptEvaluateAsync(LuaScripts.ArmReserved, [.. scriptKeys], [.. args]);
        return await WithPastLastSuccessAsync(db, shard, Parse(shard, (RedisResult[])result!, reservations.Count, fromClaim: false));
    }

    /// <summary>
    /// A redelivery whose first claim saw an older last success than the job has now sends that one,
    /// so the webhook is the same as the first.
    /// </summary>
    private async Task<ClaimResult> WithPastLastSuccessAsync(IDatabase db, int shard, ClaimResult claimed)
    {
        if (claimed.Deliveries.All(d => d.PastLastSuccessId is null))
        {
            return claimed;
        }
        var deliveries = new List<Delivery>(claimed.Deliveries.Count);
        foreach (var delivery in claimed.Deliveries)
        {
            deliveries.Add(delivery.PastLastSuccessId is { } pastId
                ? delivery with { LastSuccessfulExecution = await ReadLastSuccessAsync(db, shard, pastId), PastLastSuccessId = null }
                : delivery);
        }
        return claimed with { Deliveries = deliveries };
    }

    private async Task<LastSuccess?> ReadLastSuccessAsync(IDatabase db, int shard, string executionId)
    {
        var hash = new RedisHash(await db.HashGetAllAsync(keys.Execution(shard, executionId)));
        if (!hash.Exists)
        {
            return null;
        }
        var execution = ExecutionHash.ToExecution(executionId, hash);
        return new LastSuccess(executionId, execution.ScheduledTimeMs, execution.ServiceInvokedAtMs, execution.State, execution.Summary);
    }

    /// <summary>
    /// Lands computed instants for a cron or at job, as many as fit in its queue
    /// (<see cref="JobDefaults.QueuedOccurrences"/>; a later refill computes the rest again). False when
    /// the job changed meanwhile.
    /// </summary>
    public async Task<bool> RefillAsync(RefillRequest request, QueuedInstants instants)
    {
        var args = new List<RedisValue>
        {
            request.Job.WheelMember, request.Gen, request.TailMs?.ToString(CultureInfo.InvariantCulture) ?? "",
            instants.IsComplete ? "1" : "0", instants.Skipped, JobDefaults.QueuedOccurrences,
        };
        args.AddRange(instants.InstantsMs.Select(i => (RedisValue)InstantQueue.Encode(i)));
        var result = await Db.ScriptEvaluateAsync(LuaScripts.RefillQueue, [keys.Job(request.Job), keys.Due(request.Shard)], [.. args]);
        return (int)result == 1;
    }

    /// <summary>Reads what a refill needs: the job's schedule text and catch-up window.</summary>
    public async Task<(string Schedule, int CatchupSeconds)?> GetScheduleAsync(JobRef job)
    {
        var values = await Db.HashGetAsync(keys.Job(job), ["schedule", "catchup_s"]);
        return values[0].IsNull ? null : ((string)values[0]!, (int)values[1]);
    }

    /// <summary>
    /// Records an accepted webhook and every try it took. <paramref name="traceParent"/>, the dispatch
    /// span's W3C context, is kept in the execution so the Api can put its callbacks in the same trace.
    /// A batch of one: the dispatcher records through <see cref="RecordAsync"/>, many at a time.
    /// </summary>
    public async Task<DeliveryOutcome> MarkStartedAsync(
        Delivery delivery, long invokedMs, int httpStatus, IEnumerable<DeliveryAttempt>? attempts = null, string? traceParent = null)
    {
        var answer = new DeliveryAnswer.Accepted(delivery, invokedMs, httpStatus,
            [.. attempts ?? [new DeliveryAttempt(invokedMs, httpStatus, null)]], traceParent);
        return (await RecordAsync([answer]))[0].GetOutcome();
    }

    /// <summary>Records a webhook that was not accepted, and every try it took. A batch of one, as <see cref="MarkStartedAsync"/>.</summary>
    public async Task<DeliveryOutcome> MarkFailedAsync(Delivery delivery, long? invokedMs, string error, int? httpStatus, IEnumerable<DeliveryAttempt>? attempts = null)
    {
        var answer = new DeliveryAnswer.Failed(delivery, invokedMs, error, httpStatus,
            [.. attempts ?? [new DeliveryAttempt(invokedMs ?? 0, httpStatus, error)]]);
        return (await RecordAsync([answer]))[0].GetOutcome();
    }

    /// <summary>
    /// Records the answers of finished deliveries with one script call per shard for the accepted ones
    /// and one for the failed ones (batched.lua running mark_started.lua or mark_failed.lua per entry):
    /// each entry is fenced by its own attempt, as a call of its own would be, and an error in one entry
    /// is that entry's alone. Results are in the order of <paramref name="answers"/>; a Redis failure
    /// throws for the whole call.
    /// </summary>
    public async Task<IReadOnlyList<RecordedAnswer>> RecordAsync(IReadOnlyList<DeliveryAnswer> answers)
    {
        var db = Db;
        var results = new RecordedAnswer[answers.Count];
        var calls = Enumerable.Range(0, answers.Count)
            .GroupBy(i => (answers[i].Delivery.Shard, Accepted: answers[i] is DeliveryAnswer.Accepted))
            .Select(async group =>
            {
                var entries = group.ToList();
                var scriptKeys = new List<RedisKey>(entries.Count * 4);
                // ARGV[1] and ARGV[2], the keys and arguments per entry, are known once the first entry is built.
                var args = new List<RedisValue>(2 + entries.Count * 7) { 0, 0 };
                foreach (var i in entries)
                {
                    switch (answers[i])
                    {
                        case DeliveryAnswer.Accepted accepted:
                            AddStarted(accepted, scriptKeys, args);
                            break;
                        case DeliveryAnswer.Failed failed:
                            AddFailed(failed, scriptKeys, args);
                            break;
                    }
                }
                args[0] = scriptKeys.Count / entries.Count;
                args[1] = (args.Count - 2) / entries.Count;
                var script = group.Key.Accepted ? LuaScripts.MarkStarted : LuaScripts.MarkFailed;
                var replies = (RedisResult[])(await db.ScriptEvaluateAsync(script, [.. scriptKeys], [.. args]))!;
                for (var n = 0; n < entries.Count; n++)
                {
                    results[entries[n]] = ToRecorded((RedisResult[])replies[n]!);
                }
            });
        await Task.WhenAll(calls);
        return results;
    }

    // One entry of mark_started.lua: its KEYS and ARGV, as its header lists them.
    private void AddStarted(DeliveryAnswer.Accepted answer, List<RedisKey> scriptKeys, List<RedisValue> args)
    {
        var delivery = answer.Delivery;
        scriptKeys.AddRange([keys.Execution(delivery.Shard, delivery.ExecutionId), keys.Pending(delivery.Shard), keys.Deadlines(delivery.Shard), keys.Job(delivery.Job)]);
        args.AddRange(
        [
            delivery.Attempt, RedisKeys.WorkMember(delivery.ExecutionId, delivery.Job), answer.InvokedMs, answer.HttpStatus,
            DeliveryAttempt.Format(answer.Attempts, delivery.ScheduledMs), TraceParentField.Pack(answer.TraceParent),
        ]);
    }

    // One entry of mark_failed.lua: its KEYS and ARGV, as its header lists them.
    private void AddFailed(DeliveryAnswer.Failed answer, List<RedisKey> scriptKeys, List<RedisValue> args)
    {
        var delivery = answer.Delivery;
        scriptKeys.AddRange([keys.Execution(delivery.Shard, delivery.ExecutionId), keys.Pending(delivery.Shard), keys.ActiveExecutions(delivery.Job)]);
        args.AddRange(
        [
            delivery.Attempt, RedisKeys.WorkMember(delivery.ExecutionId, delivery.Job),
            answer.InvokedMs?.ToString(CultureInfo.InvariantCulture) ?? "", answer.Error,
            answer.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "", RetentionMs, DeliveryAttempt.Format(answer.Attempts, delivery.ScheduledMs),
        ]);
    }

    /// <summary>Extends the leases of executions this dispatcher holds; returns how many were renewed.</summary>
    public async Task<int> RenewLeasesAsync(IReadOnlyCollection<ILeasedExecution> inFlight, long leaseMs)
    {
        var db = Db;
        var renewals = inFlight.GroupBy(d => d.Shard).Select(shard =>
        {
            var scriptKeys = new List<RedisKey> { keys.Pending(shard.Key) };
            var args = new List<RedisValue> { leaseMs };
            foreach (var delivery in shard)
            {
                scriptKeys.Add(keys.Execution(shard.Key, delivery.ExecutionId));
                args.Add(RedisKeys.WorkMember(delivery.ExecutionId, delivery.Job));
                args.Add(delivery.Attempt);
            }
            return db.ScriptEvaluateAsync(LuaScripts.RenewLeases, [.. scriptKeys], [.. args]);
        }).ToArray();
        var results = await Task.WhenAll(renewals);
        return results.Sum(r => (int)r);
    }

    /// <summary>
    /// Fails running executions past their deadline with <c>timeout</c>; returns how many, and names each
    /// one's job to <paramref name="timedOut"/>.
    /// </summary>
    public async Task<int> ExpireDeadlinesAsync(int shard, long nowMs, int batch, Action<JobRef>? timedOut = null)
    {
        var db = Db;
        var expired = await db.SortedSetRangeByScoreAsync(keys.Deadlines(shard), double.NegativeInfinity, nowMs, Exclude.None, Order.Ascending, 0, batch);
        if (expired.Length == 0)
        {
            return 0;
        }
        var scriptKeys = new List<RedisKey>(1 + expired.Length * 2) { keys.Deadlines(shard) };
        var args = new List<RedisValue>(1 + expired.Length) { RetentionMs };
        foreach (var member in expired)
        {
            var (id, job) = RedisKeys.ParseWorkMember(member!);
            scriptKeys.AddRange([keys.Execution(shard, id), keys.ActiveExecutions(job)]);
            args.Add(member);
        }
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(LuaScripts.ExpireDeadlines, [.. scriptKeys], [.. args]))!;
        if (timedOut is not null)
        {
            foreach (var member in result)
            {
                timedOut(RedisKeys.ParseWorkMember((string)member!).Job);
            }
        }
        return result.Length;
    }

    /// <summary>
    /// Counts due, scheduled, pending and running work over every shard in one pipelined round trip
    /// (four O(log n) reads per shard), for gauges sampled every few seconds.
    /// </summary>
    public async Task<WorkCounts> CountWorkAsync(long nowMs)
    {
        var db = Db;
        var reads = keys.Shards.SelectMany(shard => new[]
        {
            db.SortedSetLengthAsync(keys.Due(shard), double.NegativeInfinity, nowMs),
            db.SortedSetLengthAsync(keys.Due(shard)),
            db.SortedSetLengthAsync(keys.Pending(shard)),
            db.SortedSetLengthAsync(keys.Deadlines(shard)),
        }).ToArray();
        await Task.WhenAll(reads);
        long Sum(int offset) => Enumerable.Range(0, keys.ShardCount).Sum(shard => reads[shard * 4 + offset].Result);
        return new WorkCounts(Due: Sum(0), Scheduled: Sum(1), Pending: Sum(2), Running: Sum(3));
    }

    private static readonly ClaimResult Empty = new([], [], 0, 0, 0);

    private static RecordedAnswer ToRecorded(RedisResult[] result) =>
        (string)result[0]! == "error" ? new RecordedAnswer(null, (string?)result[1]) : new RecordedAnswer(ToOutcome(result), null);

    private static DeliveryOutcome ToOutcome(RedisResult[] result) => (string)result[0]! switch
    {
        "running" => new DeliveryOutcome(DeliveryOutcomeKind.Recorded, "running", (long?)result[1]),
        "failure" => new DeliveryOutcome(DeliveryOutcomeKind.Recorded, "failure", null),
        "stale" => new DeliveryOutcome(DeliveryOutcomeKind.Stale, null, null),
        "missing" => new DeliveryOutcome(DeliveryOutcomeKind.Missing, null, null),
        // The scripts tag a callback's status: it may be 'running' (a heartbeat came before the
        // webhook's answer) or 'failure' (reported), which untagged would pass for their own results.
        "callback" => new DeliveryOutcome(DeliveryOutcomeKind.CallbackFirst, (string)result[1]!, null),
        var other => throw new InvalidDataException($"Unexpected delivery script result '{other}'."),
    };

    private static ClaimResult Parse(int shard, RedisResult[] entries, int candidates, bool fromClaim)
    {
        var deliveries = new List<Delivery>();
        var refills = new List<RefillRequest>();
        var conflicted = new List<JobRef>();
        var skipped = new List<(JobRef, int)>();
        var reservations = new List<Reservation>();
        int conflicts = 0, missed = 0, cancelled = 0;
        foreach (var raw in entries)
        {
            var e = (RedisResult[])raw!;
            switch ((string)e[0]!)
            {
                case "fire":
                    var delivery = ToDelivery(shard, e);
                    deliveries.Add(delivery);
                    // Only a claim's entry carries newly skipped instants at 16; a reclaim's holds the
                    // id of the last success its first claim saw there.
                    if (fromClaim)
                    {
                        AddSkipped(skipped, delivery.Job, e, 16);
                    }
                    break;
                case "reserved":
                    var reservation = new Reservation(shard, (string)e[1]!, JobRef.FromWheelMember((string)e[2]!), (long)e[3], (int)e[4]);
                    reservations.Add(reservation);
                    if (fromClaim)
                    {
                        AddSkipped(skipped, reservation.Job, e, 6);
                    }
                    break;
                case "cancelled":
                    cancelled++;
                    break;
                case "refill":
                    refills.Add(new RefillRequest(shard, JobRef.FromWheelMember((string)e[1]!), (string)e[2]!,
                        long.TryParse((string?)e[3], CultureInfo.InvariantCulture, out var tail) ? tail : null));
                    break;
                case "conflict":
                    conflicts++;
                    conflicted.Add(JobRef.FromWheelMember((string)e[2]!));
                    if (fromClaim)
                    {
                        AddSkipped(skipped, conflicted[^1], e, 4);
                    }
                    break;
                case "missed":
                    missed++;
                    AddSkipped(skipped, JobRef.FromWheelMember((string)e[1]!), e, 3);
                    break;
            }
        }
        return new ClaimResult(deliveries, refills, conflicts, missed, candidates)
        {
            ConflictedJobs = conflicted,
            SkippedInstants = skipped,
            Reservations = reservations,
            Cancelled = cancelled,
        };
    }

    // claim_due appends the instants it newly skipped to its entries.
    private static void AddSkipped(List<(JobRef, int)> skipped, JobRef job, RedisResult[] entry, int index)
    {
        if (entry.Length > index && (int)entry[index] is > 0 and var count)
        {
            skipped.Add((job, count));
        }
    }

    private static Delivery ToDelivery(int shard, RedisResult[] e)
    {
        var lastOkId = (string?)e[10];
        return new Delivery(
            Shard: shard,
            ExecutionId: (string)e[1]!,
            Job: JobRef.FromWheelMember((string)e[2]!),
            ScheduledMs: (long)e[3],
            Attempt: (int)e[4],
            MissedRuns: (int)e[5],
            InvocationTarget: (string)e[6]!,
            Payload: (string?)e[7],
            Schedule: (string)e[8]!,
            TtlSeconds: (int)e[9],
            LastSuccessfulExecution: lastOkId is null ? null : new LastSuccess(
                lastOkId, (long)e[11], e[12].IsNull ? null : (long)e[12], (string?)e[13], (string?)e[14]),
            ClaimedAtMs: (long)e[15],
            PastLastSuccessId: e.Length > 16 && e[16].Resp2Type == ResultType.BulkString && !e[16].IsNull ? (string?)e[16] : null);
    }
}
