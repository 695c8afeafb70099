using System.Text;

namespace PolarBilling.Emulator.Webhooks;

internal sealed partial class WebhookOutbox
{
    /// <summary><c>WEBHOOK_FIFO_GUARD_MAX_AGE</c>: earlier events older than this no longer hold an event back.</summary>
    public static readonly TimeSpan FifoGuardMaxAge = TimeSpan.FromMinutes(1);

    /// <summary><c>WEBHOOK_FIFO_GUARD_DELAY_MS</c>: how soon a held-back event is looked at again.</summary>
    public static readonly TimeSpan FifoGuardDelay = TimeSpan.FromMilliseconds(300);

    // Events with delivery work left, in emission order.
    private readonly SortedDictionary<long, OutboundWebhookEvent> _pending = [];
    private CancellationTokenSource _generationStop = new();
    private long _generation;

    /// <summary>How many events have delivery work left (scheduled or on the wire).</summary>
    public int PendingCount => _pending.Count;

    /// <summary>
    /// Starts every attempt that is due now and returns them, plus how long until the next one may be due.
    /// Polar's checks at send time, in its order: a disabled endpoint marks the event skipped; an event that already
    /// succeeded is not sent again unless redelivered; the FIFO guard holds an event back while an earlier event of
    /// the same endpoint (queued within the last minute) has no delivery yet. An attempt on the wire counts as
    /// "no delivery yet", so first attempts go out one by one in emission order, while an event that is between
    /// retries holds nothing back (later events overtake it, as on Polar).
    /// </summary>
    public (List<WebhookAttempt> Due, TimeSpan? Wait) TakeDueAttempts()
    {
        var now = WallClock.GetUtcNow();
        var due = new List<WebhookAttempt>();
        var undelivered = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? next = ReleaseExpiredHolds(now);
        var finished = new List<OutboundWebhookEvent>();
        foreach (var outbound in _pending.Values)
        {
            var heldBack = undelivered.Contains(outbound.EndpointId);
            if (!outbound.InFlight && outbound.NextAttemptAt is { } at)
            {
                if (at > now)
                {
                    next = Earliest(next, at);
                }
                else if (!_endpoints.TryGetValue(outbound.EndpointId, out var entry) || !entry.Endpoint.Enabled)
                {
                    outbound.Event.Skipped = true;
                    finished.Add(outbound);
                }
                else if (outbound.Event.Succeeded == true && !outbound.Redeliver)
                {
                    finished.Add(outbound);
                }
                else if (heldBack)
                {
                    next = Earliest(next, now + FifoGuardDelay);
                }
                else
                {
                    due.Add(Start(outbound, entry));
                }
            }

            if (outbound.IsPending && outbound.Attempts == 0 && now - outbound.QueuedAt < FifoGuardMaxAge)
            {
                undelivered.Add(outbound.EndpointId);

                // Every endpoint is held back: nothing later can go out now, so stop here rather than walk a long
                // backlog on every wake (a year of renewals queues tens of thousands of events).
                if (undelivered.Count >= _endpoints.Count)
                {
                    next = Earliest(next, now + FifoGuardDelay);
                    break;
                }
            }
        }

        foreach (var outbound in finished)
        {
            Unschedule(outbound);
        }

        return (due, next is { } n ? n - now : null);
    }

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
            Encoding.UTF8.GetBytes(outbound.Event.Payload ?? string.Empty),
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
