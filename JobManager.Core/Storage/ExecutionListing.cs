using System.Globalization;
using JobManager.Core.Executions;
using JobManager.Core.Jobs;
using StackExchange.Redis;

namespace JobManager.Core.Storage;

/// <summary>
/// Execution listings, newest first (scheduled time, then id). A job's listing reads its own index; a
/// service's merges, in every shard, the indexes of its jobs there and of its deleted jobs
/// (merge_executions.lua), so no execution is indexed twice.
/// </summary>
internal sealed class ExecutionListing(IConnectionMultiplexer redis, RedisKeys keys)
{
    /// <summary>
    /// Indexes merged by one script call (about a millisecond of Redis's time); a shard with more of the
    /// service's jobs takes several calls, so no one call holds Redis up for long.
    /// </summary>
    internal const int IndexesPerCall = 128;

    public async Task<Page<Execution>> ListAsync(string service, string? job, ExecutionFilter filter, int limit, string? after)
    {
        var db = redis.GetDatabase();
        var indexes = job is null
            ? await ServiceIndexesAsync(db, service)
            : [new ShardIndexes(keys.ShardOf(new JobRef(service, job)), [keys.JobExecutions(new JobRef(service, job))])];
        var position = after is null ? (ListPosition?)null : ListPosition.Parse(after);
        var items = new List<Execution>(limit + 1);
        var examined = 0;
        var batches = 0;

        while (items.Count <= limit && examined < Paging.MaxExaminedPerPage)
        {
            // A status filter may pass few of the entries read: read them in batches that grow fourfold,
            // since every batch merges all of a service's job indexes again (a page that matches nothing
            // merges three times, not ten).
            var batch = filter.Status is null
                ? Math.Min(Paging.MaxLimit, limit + 1 - items.Count)
                : (int)Math.Min((long)Paging.MaxLimit << (2 * batches), Paging.MaxExaminedPerPage - examined);
            batches++;
            var fetches = indexes.Select(index => FetchAfterAsync(db, index, position, filter, batch)).ToArray();
            await Task.WhenAll(fetches);
            var entries = fetches.SelectMany(f => f.Result).OrderDescending().Take(batch).ToList();
            if (entries.Count == 0)
            {
                position = null;
                break;
            }

            var hashes = entries.Select(e => db.HashGetAllAsync(keys.Execution(e.Shard, e.Id))).ToArray();
            await Task.WhenAll(hashes);
            for (var i = 0; i < entries.Count && items.Count <= limit; i++)
            {
                var hash = new RedisHash(hashes[i].Result);
                // A missing hash expired under retention; its index entry is trimmed later.
                if (hash.Exists && (filter.Status is null || hash.String(ExecutionHash.Status) == filter.Status))
                {
                    items.Add(ExecutionHash.ToExecution(entries[i].Id, hash));
                }
                position = entries[i];
                examined++;
            }
            if (entries.Count < batch)
            {
                position = items.Count > limit ? position : null;
                break;
            }
        }

        if (items.Count > limit)
        {
            items.RemoveAt(limit);
            var last = items[^1];
            return new Page<Execution>(items, PageCursor.Encode(new ListPosition(last.ScheduledTimeMs, last.ExecutionId, 0).ToString()));
        }
        return new Page<Execution>(items, position is null ? null : PageCursor.Encode(position.Value.ToString()));
    }

    /// <summary>Whether a decoded cursor names a place in an execution listing.</summary>
    public static bool IsValidPosition(string position) => ListPosition.Parse(position) is not null;

    /// <summary>Per shard, the execution indexes of the service's jobs there, and of its deleted jobs.</summary>
    private async Task<List<ShardIndexes>> ServiceIndexesAsync(IDatabase db, string service)
    {
        var reads = keys.Shards.Select(shard => db.SortedSetRangeByRankAsync(keys.ServiceJobIndex(shard, service))).ToArray();
        await Task.WhenAll(reads);
        return [.. keys.Shards.Select(shard => new ShardIndexes(shard,
        [
            .. reads[shard].Result.Select(name => keys.JobExecutions(new JobRef(service, name!))),
            keys.DeletedJobExecutions(shard, service),
        ]))];
    }

    /// <summary>Up to <paramref name="count"/> entries of a shard's indexes strictly after the position, newest first.</summary>
    private async Task<List<ListPosition>> FetchAfterAsync(
        IDatabase db, ShardIndexes indexes, ListPosition? position, ExecutionFilter filter, int count)
    {
        var max = filter.ToMs ?? long.MaxValue;
        if (position is { } p && p.ScoreMs < max)
        {
            max = p.ScoreMs;
        }
        RedisValue[] args =
        [
            max == long.MaxValue ? "+inf" : max,
            filter.FromMs is { } min ? min : "-inf",
            position is { } at ? at.ScoreMs : "",
            position is { } tied ? PositionMember(tied, indexes.Shard) : "",
            count,
        ];
        var found = new List<ListPosition>(count);
        foreach (var chunk in indexes.Keys.Chunk(IndexesPerCall))
        {
            var result = (RedisResult[])(await db.ScriptEvaluateAsync(LuaScripts.MergeExecutions, chunk, args))!;
            for (var i = 0; i < result.Length; i += 2)
            {
                found.Add(new ListPosition((long)result[i + 1], RedisKeys.ExecutionIdOf(indexes.Shard, (string)result[i]!), indexes.Shard));
            }
        }
        return indexes.Keys.Count > IndexesPerCall ? [.. found.OrderDescending().Take(count)] : found;
    }

    /// <summary>
    /// Where a position falls among one shard's members tied with it on score. Ids begin with their
    /// shard, so a position from another shard comes before or after all of them.
    /// </summary>
    private static string PositionMember(ListPosition position, int shard)
    {
        if (ExecutionId.TryGetShard(position.Id, int.MaxValue, out var own) && own == shard)
        {
            return RedisKeys.ExecutionMember(position.Id);
        }
        var prefix = shard.ToString("x4", CultureInfo.InvariantCulture);
        return string.CompareOrdinal(position.Id, prefix) < 0 || position.Id.StartsWith(prefix, StringComparison.Ordinal) ? "" : "~";
    }

    private sealed record ShardIndexes(int Shard, IReadOnlyList<RedisKey> Keys);

    /// <summary>A place in a newest-first listing: scheduled time, then id, both descending.</summary>
    private readonly record struct ListPosition(long ScoreMs, string Id, int Shard) : IComparable<ListPosition>
    {
        public int CompareTo(ListPosition other) =>
            ScoreMs != other.ScoreMs ? ScoreMs.CompareTo(other.ScoreMs) : string.CompareOrdinal(Id, other.Id);

        public override string ToString() => $"{ScoreMs.ToString(CultureInfo.InvariantCulture)}:{Id}";

        public static ListPosition? Parse(string text)
        {
            var colon = text.IndexOf(':');
            return colon > 0 && long.TryParse(text.AsSpan(0, colon), NumberStyles.Integer, CultureInfo.InvariantCulture, out var score)
                ? new ListPosition(score, text[(colon + 1)..], 0)
                : null;
        }
    }
}
