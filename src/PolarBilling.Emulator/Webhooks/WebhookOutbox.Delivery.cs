using System.Text;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

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
        DateTimeOffset? next = null;
        foreach (var outbound in _pending.Values.ToList())
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
                    Unschedule(outbound);
                }
                else if (outbound.Event.Succeeded == true && !outbound.Redeliver)
                {
                    Unschedule(outbound);
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
            }
        }

        return (due, next is { } n ? n - now : null);
    }

    /// <summary>Records how an attempt went: the delivery log, the event's state, the next retry or the final failure.</summary>
    public void Complete(WebhookAttempt attempt, WebhookAttemptOutcome outcome)
    {
        if (attempt.Generation != _generation || !_events.TryGetValue(attempt.EventId, out var outbound))
        {
            return;
        }

        var now = _state.Now;
        outbound.InFlight = false;
        outbound.Attempts++;
        _deliveries.Add(new WebhookDeliveryRecord(
            PolarTokens.NewId(), outbound.Event.Id, outbound.EndpointId, ++_deliverySequence, now, outcome.Succeeded, outcome.HttpCode, outcome.Response));
        outbound.Event.LastHttpCode = outcome.HttpCode ?? outbound.Event.LastHttpCode;
        outbound.Event.ModifiedAt = now;
        if (outcome.Succeeded)
        {
            outbound.Event.Succeeded = true;
            outbound.Redeliver = false;
        }
        else if (outbound.Attempts >= WebhookBackoff.MaxAttempts)
        {
            // Polar: a redelivery that fails for good leaves an earlier success standing.
            outbound.Event.Succeeded = outbound.Event.Succeeded == true;
            outbound.Redeliver = false;
            OnEventFailed(outbound);
        }
        else
        {
            outbound.NextAttemptAt = WallClock.GetUtcNow() + WebhookBackoff.Delay(outbound.Attempts, _state.Options.WebhookRetryTimeScale);
        }

        if (outbound.RedeliverAfterFlight)
        {
            outbound.RedeliverAfterFlight = false;
            Redeliver(outbound);
        }

        if (!outbound.IsPending)
        {
            _pending.Remove(outbound.Sequence);
        }

        Wake.Set();
    }

    /// <summary>Sends the event again with the same <c>webhook-id</c> and payload (<c>POST /v1/webhooks/events/{id}/redeliver</c>).</summary>
    /// <exception cref="EmulatorProblem">404 when there is no such event.</exception>
    public void Redeliver(string eventId)
    {
        var outbound = _events.TryGetValue(eventId, out var found) ? found : throw Problems.NotFound();
        if (outbound.InFlight)
        {
            outbound.RedeliverAfterFlight = true;
            return;
        }

        Redeliver(outbound);
        Wake.Set();
    }

    private void Redeliver(OutboundWebhookEvent outbound)
    {
        outbound.Redeliver = true;
        outbound.NextAttemptAt = WallClock.GetUtcNow();
        _pending[outbound.Sequence] = outbound;
    }

    /// <summary>
    /// Polar's <c>on_event_failed</c>: when the endpoint's 10 most recent completed events all failed, the endpoint is
    /// disabled and its pending events are skipped. (Polar also e-mails the organization's members.)
    /// </summary>
    private void OnEventFailed(OutboundWebhookEvent failed)
    {
        if (failed.Event.Succeeded != false || !_endpoints.TryGetValue(failed.EndpointId, out var entry) || !entry.Endpoint.Enabled)
        {
            return;
        }

        var recent = _events.Values
            .Where(e => e.EndpointId == entry.Id && e.Event.Succeeded is not null)
            .OrderByDescending(e => e.Sequence)
            .Take(WebhookBackoff.FailureThreshold)
            .ToList();
        if (recent.Count < WebhookBackoff.FailureThreshold || recent.Exists(e => e.Event.Succeeded != false))
        {
            return;
        }

        entry.Endpoint.Enabled = false;
        entry.Endpoint.ModifiedAt = _state.Now;
        foreach (var pending in _pending.Values.Where(e => e.EndpointId == entry.Id && e.Event.Succeeded is null && !e.Event.Skipped).ToList())
        {
            pending.Event.Skipped = true;
            Unschedule(pending);
        }
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
        Wake.Set();
    }

    private static DateTimeOffset Earliest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } c && c <= candidate ? c : candidate;
}
