using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Webhooks;

internal sealed partial class WebhookOutbox
{
    /// <summary>Records how an attempt went: the delivery log, the event's state, the next retry or the final failure.</summary>
    /// <param name="attempt">The attempt.</param>
    /// <param name="outcome">How it went.</param>
    /// <param name="at">The emulator time it finished: the delivery's <c>created_at</c>.</param>
    public void Complete(WebhookAttempt attempt, WebhookAttemptOutcome outcome, DateTimeOffset at)
    {
        lock (_sync)
        {
            if (attempt.Generation != _generation || !_events.TryGetValue(attempt.EventId, out var outbound))
            {
                return;
            }

            var now = at;
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

            OnAttemptFaults(outbound, outcome);
            if (!outbound.IsPending)
            {
                _pending.Remove(outbound.Sequence);
            }

            // No wake: the dispatcher records outcomes and takes the due work in the same lock.
        }
    }

    /// <summary>Sends the event again with the same <c>webhook-id</c> and payload (<c>POST /v1/webhooks/events/{id}/redeliver</c>).</summary>
    /// <exception cref="EmulatorProblem">404 when there is no such event.</exception>
    public void Redeliver(string eventId)
    {
        lock (_sync)
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
    }

    private void Redeliver(OutboundWebhookEvent outbound)
    {
        outbound.Redeliver = true;
        outbound.NextAttemptAt = WallClock.GetUtcNow();
        _pending.Add(outbound);
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
}
