using System.Collections.Concurrent;

namespace JobManager.Bench.Receiver;

/// <summary>Every webhook the receiver got, and a running count per service for waits and progress.</summary>
public sealed class ArrivalLog
{
    private readonly Lock _gate = new();
    private readonly List<Arrival> _arrivals = new(capacity: 1 << 16);
    private readonly ConcurrentDictionary<string, int> _perService = new();
    private int _count;
    private int _unparsable;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Requests whose body was not a webhook: a contract break worth reporting.</summary>
    public int Unparsable => Volatile.Read(ref _unparsable);

    public void Add(Arrival arrival)
    {
        lock (_gate)
        {
            _arrivals.Add(arrival);
        }
        _perService.AddOrUpdate(arrival.Service, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _count);
    }

    public void AddUnparsable() => Interlocked.Increment(ref _unparsable);

    public int CountFor(string service) => _perService.TryGetValue(service, out var n) ? n : 0;

    /// <summary>A copy of the arrivals that match <paramref name="filter"/>.</summary>
    public List<Arrival> Select(Func<Arrival, bool> filter)
    {
        lock (_gate)
        {
            return _arrivals.Where(filter).ToList();
        }
    }
}
