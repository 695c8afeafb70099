namespace PolarBilling.Emulator.Webhooks;

/// <summary>
/// One endpoint's pending events in emission order. Removal is lazy (the event's <see cref="OutboundWebhookEvent.Queued"/>
/// goes false) and a skip pointer per slot, compressed as it is followed, jumps over removed runs, so the FIFO guard's
/// scan costs what is still queued, not everything ever queued since the last compaction.
/// </summary>
internal sealed class PendingWebhookLane
{
    private const int CompactAbove = 1024;
    private readonly List<OutboundWebhookEvent> _events = [];

    // _skip[i] == i: look at slot i; otherwise slot i was removed and _skip[i] is a later slot to look at (or Count).
    private readonly List<int> _skip = [];
    private int _removed;

    public int Count => _events.Count;

    public OutboundWebhookEvent this[int index] => _events[index];

    public IEnumerable<OutboundWebhookEvent> Events => _events;

    /// <summary>The first slot at or after <paramref name="from"/> whose event is still queued, or <see cref="Count"/>.</summary>
    public int NextQueued(int from)
    {
        var root = from;
        while (root < _skip.Count && _skip[root] != root)
        {
            root = _skip[root];
        }

        while (from < _skip.Count && _skip[from] != from && from != root)
        {
            var next = _skip[from];
            _skip[from] = root;
            from = next;
        }

        return root;
    }

    public void Add(OutboundWebhookEvent outbound)
    {
        if (outbound.InLane)
        {
            // Removed but not compacted away: queued again where it stands.
            _removed--;
            Rebuild();
            return;
        }

        outbound.InLane = true;
        if (_events.Count == 0 || _events[^1].Sequence < outbound.Sequence)
        {
            _events.Add(outbound);
            _skip.Add(_skip.Count);
            return;
        }

        // A redelivery of an event compacted away: back into its place.
        var index = IndexOf(outbound.Sequence);
        _events.Insert(index < 0 ? ~index : index, outbound);
        _skip.Add(0);
        Rebuild();
    }

    /// <summary>Marks the (already dequeued) event's slot removed; compacts once most of the lane is removed.</summary>
    public void Remove(OutboundWebhookEvent outbound)
    {
        var index = IndexOf(outbound.Sequence);
        if (index < 0)
        {
            return;
        }

        _skip[index] = index + 1;
        if (++_removed > CompactAbove && _removed * 2 > _events.Count)
        {
            foreach (var gone in _events.Where(e => !e.Queued))
            {
                gone.InLane = false;
            }

            _events.RemoveAll(e => !e.Queued);
            _removed = 0;
            Rebuild();
        }
    }

    private void Rebuild()
    {
        _skip.Clear();
        for (var i = 0; i < _events.Count; i++)
        {
            _skip.Add(_events[i].Queued ? i : i + 1);
        }
    }

    private int IndexOf(long sequence)
    {
        int low = 0, high = _events.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var found = _events[middle].Sequence;
            if (found == sequence)
            {
                return middle;
            }

            if (found < sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }
}
