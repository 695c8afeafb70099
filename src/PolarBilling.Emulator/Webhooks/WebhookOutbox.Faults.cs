using PolarBilling.Emulator.Faults;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>
/// Webhook delivery faults (<see cref="FaultRegistry"/>), decided once per event and endpoint when the event is queued,
/// in emission order, so a seeded run repeats exactly whatever the timing of the receiver:
/// drop (never sent: no attempt, no retry; recorded in the fault log, and <c>redeliver</c> still sends it), duplicate
/// (sent again with the same <c>webhook-id</c> after its first successful delivery), reorder (held back, outside the
/// FIFO guard, until later events of the endpoint have been delivered) and delay (its first attempt goes later).
/// </summary>
internal sealed partial class WebhookOutbox
{
    private readonly List<HeldWebhookEvent> _held = [];
    private readonly Dictionary<long, int> _copiesLeft = [];

    /// <summary>The fault rules; <see langword="null"/> (no faults) until the application wires them.</summary>
    public FaultRegistry? Faults { get; set; }

    /// <summary>Applies the fault rules to an event just queued for <paramref name="endpointId"/>.</summary>
    private void ApplyFaults(OutboundWebhookEvent outbound, string endpointId, string type)
    {
        if (Faults is not { HasRules: true } faults || faults.DecideWebhook(type, outbound.Event.Id, endpointId, Emitted.Count) is not { } plan)
        {
            return;
        }

        var delay = TimeSpan.FromMilliseconds(plan.DelayMilliseconds);
        if (plan.Drop)
        {
            outbound.NextAttemptAt = null;
            _pending.Remove(outbound.Sequence);
            CountDelivered(outbound);
            return;
        }

        if (plan.Copies > 0)
        {
            _copiesLeft[outbound.Sequence] = plan.Copies;
        }

        if (plan.ReorderAfter > 0)
        {
            // Out of the pending queue, so the FIFO guard does not hold the later events behind it.
            outbound.NextAttemptAt = null;
            _pending.Remove(outbound.Sequence);
            _held.Add(new HeldWebhookEvent(outbound, plan.ReorderAfter, WallClock.GetUtcNow() + TimeSpan.FromMilliseconds(plan.MaxHoldMilliseconds), delay));
            return;
        }

        outbound.NextAttemptAt += delay;
    }

    /// <summary>After an attempt is recorded: a first attempt counts for held events; a success owed copies sends one more.</summary>
    private void OnAttemptFaults(OutboundWebhookEvent outbound, WebhookAttemptOutcome outcome)
    {
        if (outbound.Attempts == 1)
        {
            CountDelivered(outbound);
        }

        if (outcome.Succeeded && _copiesLeft.TryGetValue(outbound.Sequence, out var left) && !outbound.IsPending)
        {
            if (left <= 1)
            {
                _copiesLeft.Remove(outbound.Sequence);
            }
            else
            {
                _copiesLeft[outbound.Sequence] = left - 1;
            }

            Redeliver(outbound);
        }
    }

    /// <summary>Releases held events whose hold ran out; returns when the next one runs out.</summary>
    private DateTimeOffset? ReleaseExpiredHolds(DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var held in _held.ToList())
        {
            if (held.ReleaseBy <= now)
            {
                Release(held, now);
            }
            else
            {
                next = Earliest(next, held.ReleaseBy);
            }
        }

        return next;
    }

    /// <summary>An event of the endpoint went out (or was dropped): held earlier events wait for one fewer.</summary>
    private void CountDelivered(OutboundWebhookEvent delivered)
    {
        foreach (var held in _held.Where(h => h.Outbound.EndpointId == delivered.EndpointId && h.Outbound.Sequence < delivered.Sequence).ToList())
        {
            if (--held.Left <= 0)
            {
                Release(held, WallClock.GetUtcNow());
            }
        }
    }

    private void Release(HeldWebhookEvent held, DateTimeOffset now)
    {
        _held.Remove(held);
        if (!_events.ContainsKey(held.Outbound.Event.Id))
        {
            return;
        }

        held.Outbound.NextAttemptAt = now + held.Delay;
        _pending.Add(held.Outbound);
        Wake.Set();
    }

    /// <summary>Forgets held events and owed copies (reset, import).</summary>
    private void ClearFaultWork()
    {
        _held.Clear();
        _copiesLeft.Clear();
    }
}
