namespace PolarBilling.Emulator.Webhooks;

/// <summary>
/// The events with delivery work left: in emission order overall, and per endpoint in a <see cref="PendingWebhookLane"/>
/// the FIFO guard scans and binary-searches by creation time. Called under the outbox's delivery lock.
/// </summary>
internal sealed class PendingWebhookQueue
{
    private readonly SortedDictionary<long, OutboundWebhookEvent> _all = [];
    private readonly Dictionary<string, PendingWebhookLane> _lanes = new(StringComparer.Ordinal);

    public int Count => _all.Count;

    /// <summary>Every queued event, oldest first.</summary>
    public IEnumerable<OutboundWebhookEvent> Values => _all.Values;

    /// <summary>Each endpoint's lane.</summary>
    public IReadOnlyDictionary<string, PendingWebhookLane> Lanes => _lanes;

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
            _lanes[outbound.EndpointId] = lane = new PendingWebhookLane();
        }

        lane.Add(outbound);
    }

    public bool Remove(long sequence)
    {
        if (!_all.Remove(sequence, out var outbound))
        {
            return false;
        }

        outbound.Queued = false;
        if (_lanes.TryGetValue(outbound.EndpointId, out var lane))
        {
            lane.Remove(outbound);
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
}
