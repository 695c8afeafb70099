namespace PolarBilling.Emulator.Webhooks;

internal sealed partial class WebhookOutbox
{
    /// <summary><c>WEBHOOK_FIFO_GUARD_MAX_AGE</c>: earlier events older than this no longer hold an event back.</summary>
    public static readonly TimeSpan FifoGuardMaxAge = TimeSpan.FromMinutes(1);

    /// <summary><c>WEBHOOK_FIFO_GUARD_DELAY_MS</c>: how soon a held-back event is looked at again.</summary>
    public static readonly TimeSpan FifoGuardDelay = TimeSpan.FromMilliseconds(300);

    // Events with delivery work left, in emission order.
    private readonly PendingWebhookQueue _pending = new();
    private CancellationTokenSource _generationStop = new();
    private long _generation;

    /// <summary>How many events have delivery work left (scheduled or on the wire).</summary>
    public int PendingCount => _pending.Count;

    /// <summary>
    /// Starts every attempt that is due now and returns them, plus how long until the next one may be due.
    /// Polar's checks at send time, in its order: a disabled endpoint marks the event skipped; an event that already
    /// succeeded is not sent again unless redelivered; the FIFO guard holds an event back while an earlier event of
    /// the same endpoint, created within the minute before it, has no delivery yet (and was queued within the last
    /// real minute). An attempt on the wire counts as "no delivery yet", so the events of one moment go out one by one
    /// in emission order, while an event that is between retries holds nothing back (later events overtake it, as on
    /// Polar). The minute is measured on the emulator clock, as Polar measures it on its own: a test clock that runs a
    /// year at once queues each renewal's events a month after the last, and those months do not wait for each other.
    /// </summary>
    public (List<WebhookAttempt> Due, TimeSpan? Wait) TakeDueAttempts()
    {
        lock (_sync)
        {
            var now = WallClock.GetUtcNow();
            var due = new List<WebhookAttempt>();
            var finished = new List<OutboundWebhookEvent>();
            DateTimeOffset? next = ReleaseExpiredHolds(now);
            foreach (var (endpointId, lane) in _pending.Lanes)
            {
                _endpoints.TryGetValue(endpointId, out var entry);
                if (ScanLane(lane, entry is { Endpoint.Enabled: true } ? entry : null, now, due, finished) is { } laneNext)
                {
                    next = Earliest(next, laneNext);
                }
            }

            foreach (var outbound in finished)
            {
                Unschedule(outbound);
            }

            return (due, next is { } n ? n - now : null);
        }
    }

    /// <summary>One endpoint's lane in emission order; a held-back run is skipped by binary search, not walked.</summary>
    private DateTimeOffset? ScanLane(
        PendingWebhookLane lane, WebhookEndpointEntry? entry, DateTimeOffset now, List<WebhookAttempt> due, List<OutboundWebhookEvent> finished)
    {
        DateTimeOffset? next = null;
        DateTimeOffset? holdUntil = null;
        var i = 0;
        while (i < lane.Count)
        {
            if (holdUntil is { } bound && entry is not null && lane[i].Event.CreatedAt <= bound)
            {
                // Everything created up to the bound waits; a holder inside the run extends it.
                var end = FirstCreatedAfter(lane, bound, i);
                var holder = end - 1;
                while (holder >= i && !HoldsLater(lane[holder], now))
                {
                    holder--;
                }

                next = Earliest(next, now + FifoGuardDelay);
                holdUntil = holder >= i ? Later(bound, lane[holder].Event.CreatedAt + FifoGuardMaxAge) : bound;
                i = holdUntil == bound ? end : i;
                continue;
            }

            i = lane.NextQueued(i);
            if (i >= lane.Count)
            {
                break;
            }

            var outbound = lane[i++];

            if (!outbound.InFlight && outbound.NextAttemptAt is { } at)
            {
                if (at > now)
                {
                    next = Earliest(next, at);
                }
                else if (entry is null)
                {
                    outbound.Event.Skipped = true;
                    finished.Add(outbound);
                }
                else if (outbound.Event.Succeeded == true && !outbound.Redeliver)
                {
                    finished.Add(outbound);
                }
                else
                {
                    due.Add(Start(outbound, entry));
                }
            }

            if (HoldsLater(outbound, now))
            {
                holdUntil = Later(holdUntil, outbound.Event.CreatedAt + FifoGuardMaxAge);
            }
        }

        return next;
    }

    /// <summary>Polar's "earlier event not delivered yet": queued, no attempt recorded, queued within the last real minute.</summary>
    private static bool HoldsLater(OutboundWebhookEvent outbound, DateTimeOffset now) =>
        outbound.Queued && outbound.IsPending && outbound.Attempts == 0 && now - outbound.QueuedAt < FifoGuardMaxAge;

    /// <summary>The first index at or after <paramref name="from"/> whose event was created after <paramref name="bound"/> (lanes are in creation order).</summary>
    private static int FirstCreatedAfter(PendingWebhookLane lane, DateTimeOffset bound, int from)
    {
        int low = from, high = lane.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (lane[middle].Event.CreatedAt <= bound)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static DateTimeOffset Later(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } c && c >= candidate ? c : candidate;

    private WebhookAttempt Start(OutboundWebhookEvent outbound, WebhookEndpointEntry entry)
    {
        outbound.InFlight = true;
        outbound.NextAttemptAt = null;
        outbound.Event.Skipped = false;
        return new WebhookAttempt(
            _generation,
            outbound.Event.Id,
            entry.Endpoint.Url,
            entry.Endpoint.Secret,
            entry.KeyScheme,
            outbound.Payload,
            _state.Options.DefaultApiVersion,
            _generationStop.Token);
    }

    private void Unschedule(OutboundWebhookEvent outbound)
    {
        outbound.NextAttemptAt = null;
        outbound.Redeliver = false;
        if (!outbound.InFlight)
        {
            _pending.Remove(outbound.Sequence);
        }
    }

    /// <summary>Abandons every attempt on the wire: their outcomes will be ignored (reset and import).</summary>
    private void StopPendingWork()
    {
        _generation++;
        _generationStop.Cancel();
        _generationStop.Dispose();
        _generationStop = new CancellationTokenSource();
        _pending.Clear();
        ClearFaultWork();
        Wake.Set();
    }

    private static DateTimeOffset Earliest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } c && c <= candidate ? c : candidate;
}
