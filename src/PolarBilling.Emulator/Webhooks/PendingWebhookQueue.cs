namespace PolarBilling.Emulator.Webhooks;

/// <summary>
/// The events with delivery work left: in emission order overall, and per endpoint in a lane the FIFO guard scans.
/// A lane is an append-only list with lazy removal (an event leaves by clearing <see cref="OutboundWebhookEvent.Queued"/>)
/// compacted once most of it is gone, so a backlog of tens of thousands of events costs O(1) per removal, and the
/// guard can binary-search a lane by creation time. Called under the outbox's delivery lock.
/// </summary>
internal sealed class PendingWebhookQueue
{
    private const int CompactAbove = 1024;
    private readonly SortedDictionary<long, OutboundWebhookEvent> _all = [];
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    public int Count => _all.Count;

    /// <summary>Every queued event, oldest first.</summary>
    public IEnumerable<OutboundWebhookEvent> Values => _all.Values;

    /// <summary>Each endpoint's lane: its events in emission order, including removed ones not yet compacted away.</summary>
    public IEnumerable<KeyValuePair<string, List<OutboundWebhookEvent>>> Lanes => _lanes.Select(l => KeyValuePair.Create(l.Key, l.Value.Events));

    /// <summary>Queues an event (again).</summary>
    public void Add(OutboundWebhookEvent outbound)
    {
        _all[outbound.Sequence] = outbound;
        if (outbound.Queued)
        {
            return;
        }

        outbound.Queued = true;
        if (!_lanes.TryGetValue(outbound.EndpointId, out var lane))
        {
            _lanes[outbound.EndpointId] = lane = new Lane();
        }

        if (outbound.InLane)
        {
            lane.Removed--;
            return;
        }

        outbound.InLane = true;
        var events = lane.Events;
        if (events.Count == 0 || events[^1].Sequence < outbound.Sequence)
        {
            events.Add(outbound);
        }
        else
        {
            // A redelivery of an event compacted away: back into its place.
            var index = events.BinarySearch(outbound, BySequence.Instance);
            events.Insert(index < 0 ? ~index : index, outbound);
        }
    }

    public bool Remove(long sequence)
    {
        if (!_all.Remove(sequence, out var outbound))
        {
            return false;
        }

        outbound.Queued = false;
        if (_lanes.TryGetValue(outbound.EndpointId, out var lane) && ++lane.Removed > CompactAbove && lane.Removed * 2 > lane.Events.Count)
        {
            foreach (var gone in lane.Events.Where(e => !e.Queued))
            {
                gone.InLane = false;
            }

            lane.Events.RemoveAll(e => !e.Queued);
            lane.Removed = 0;
        }

        return true;
    }

    public void Clear()
    {
        foreach (var outbound in _lanes.Values.SelectMany(l => l.Events))
        {
            outbound.Queued = false;
            outbound.InLane = false;
        }

        _all.Clear();
        _lanes.Clear();
    }

    private sealed class Lane
    {
        public List<OutboundWebhookEvent> Events { get; } = [];

        public int Removed { get; set; }
    }

    private sealed class BySequence : IComparer<OutboundWebhookEvent>
    {
        public static readonly BySequence Instance = new();

        public int Compare(OutboundWebhookEvent? x, OutboundWebhookEvent? y) => (x?.Sequence ?? 0).CompareTo(y?.Sequence ?? 0);
    }
}
