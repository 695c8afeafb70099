using System.Collections.Concurrent;

namespace PolarBilling.Usage.Recording;

/// <summary>
/// The in-memory side of <see cref="IUsageMeter"/>: one counter per (user, meter), added to with
/// <see cref="Interlocked.Add(ref long, long)"/>, so recording takes no lock and, once the pair has a counter, allocates
/// nothing. <see cref="Drain"/> takes the units out for the flusher; <see cref="Restore"/> puts them back after a
/// failed write. Counters idle for a number of drains are removed (see <see cref="UsageCounter.Retired"/>).
/// </summary>
internal sealed class UsageAggregator : IUsageMeter
{
    /// <summary>Drains without usage after which a pair's counter is dropped (a minute at the default flush interval).</summary>
    public const int IdleDrainsBeforeRetiring = 60;

    private readonly ConcurrentDictionary<UsageKey, UsageCounter> _counters = new();
    private readonly int _idleDrainsBeforeRetiring;
    private long _retired;

    /// <summary>Creates an empty aggregator.</summary>
    /// <param name="idleDrainsBeforeRetiring">Empty drains after which a counter is dropped; tests lower it to race retirement.</param>
    public UsageAggregator(int idleDrainsBeforeRetiring = IdleDrainsBeforeRetiring) =>
        _idleDrainsBeforeRetiring = Math.Max(1, idleDrainsBeforeRetiring);
    /// <summary>How many (user, meter) counters exist now.</summary>
    public int CounterCount => _counters.Count;

    /// <summary>How many counters were retired so far.</summary>
    public long RetiredCount => Interlocked.Read(ref _retired);

    public void Record(string userId, string meter, long quantity = 1)
    {
        if (string.IsNullOrEmpty(userId))
        {
            throw new ArgumentException("The user id is empty: record usage for a known user (the Polar customer's external_id).", nameof(userId));
        }

        if (string.IsNullOrEmpty(meter))
        {
            throw new ArgumentException("The meter key is empty: use the key of Polar:Plans:{plan}:Meters, e.g. 'api_calls'.", nameof(meter));
        }

        if (quantity <= 0)
        {
            if (quantity == 0)
            {
                return;
            }

            throw new ArgumentException($"The quantity {quantity} is negative: usage only adds up; record 0 or more units.", nameof(quantity));
        }

        Add(new UsageKey(userId, meter), quantity);
    }

    /// <summary>Takes every counter's units out (each counter set to 0 atomically) and returns the non-zero ones.</summary>
    public List<UsageDelta> Drain()
    {
        var deltas = new List<UsageDelta>();
        foreach (var (key, counter) in _counters)
        {
            var units = Volatile.Read(ref counter.Units);
            while (units > 0)
            {
                var seen = Interlocked.CompareExchange(ref counter.Units, 0, units);
                if (seen == units)
                {
                    deltas.Add(new UsageDelta(key.UserId, key.Meter, units));
                    counter.IdleDrains = 0;
                    break;
                }

                units = seen;
            }

            if (units == 0 && ++counter.IdleDrains >= _idleDrainsBeforeRetiring
                && Interlocked.CompareExchange(ref counter.Units, UsageCounter.Retired, 0) == 0)
            {
                _counters.TryRemove(new KeyValuePair<UsageKey, UsageCounter>(key, counter));
                Interlocked.Increment(ref _retired);
            }
        }

        return deltas;
    }

    /// <summary>Adds drained units back, e.g. after the flush that took them failed.</summary>
    public void Restore(IEnumerable<UsageDelta> deltas)
    {
        foreach (var delta in deltas)
        {
            Add(new UsageKey(delta.UserId, delta.Meter), delta.Quantity);
        }
    }

    private void Add(UsageKey key, long quantity)
    {
        while (true)
        {
            var counter = _counters.GetOrAdd(key, static _ => new UsageCounter());
            if (Interlocked.Add(ref counter.Units, quantity) >= 0)
            {
                return;
            }

            // Retired before our add: the drain already left it with nothing, so these units are nowhere yet. Help
            // remove it (the drain may not have yet) and add them to the pair's next counter.
            _counters.TryRemove(new KeyValuePair<UsageKey, UsageCounter>(key, counter));
        }
    }
}
