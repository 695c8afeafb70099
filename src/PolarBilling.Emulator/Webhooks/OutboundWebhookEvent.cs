using PolarBilling.Client;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>
/// One event queued for one endpoint (Polar's <c>WebhookEvent</c> row) and where its delivery stands. The
/// <see cref="Event"/> id is the <c>webhook-id</c> of every attempt, retries and redeliveries included.
/// Wall-clock fields (<see cref="NextAttemptAt"/>, <see cref="QueuedAt"/>) are real time, not billing time: retries
/// must happen while a test's billing clock stands still.
/// </summary>
internal sealed class OutboundWebhookEvent
{
    public OutboundWebhookEvent(WebhookEvent webhookEvent, ReadOnlyMemory<byte> payload, string endpointId, long sequence)
    {
        Event = webhookEvent;
        Payload = payload;
        EndpointId = endpointId;
        Sequence = sequence;
    }

    /// <summary>
    /// The event's row, without its <c>payload</c>: that is <see cref="Payload"/>, kept as UTF-8 bytes and put back
    /// into a copy when the event is answered or exported (<see cref="WebhookViews.Event"/>).
    /// </summary>
    public WebhookEvent Event { get; }

    /// <summary>The exact body every attempt sends (UTF-8).</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    public string EndpointId { get; }

    /// <summary>Emission order across all endpoints; Polar's FIFO guard and the auto-disable streak follow it.</summary>
    public long Sequence { get; }

    /// <summary>How many deliveries (HTTP attempts) were recorded; Polar gives up when this reaches 10.</summary>
    public int Attempts { get; set; }

    /// <summary>When the next attempt is due (real time); <see langword="null"/> when none is scheduled.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>When the event was queued (real time): Polar's FIFO guard ignores earlier events older than a minute.</summary>
    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>Whether the scheduled attempt is a redelivery, which is sent even when the event already succeeded.</summary>
    public bool Redeliver { get; set; }

    /// <summary>Whether an attempt is on the wire right now.</summary>
    public bool InFlight { get; set; }

    /// <summary>A redelivery asked for while an attempt was on the wire: scheduled when that attempt completes.</summary>
    public bool RedeliverAfterFlight { get; set; }

    /// <summary>Whether the event is in the outbox's pending queue.</summary>
    public bool Queued { get; set; }

    /// <summary>Whether the event still sits in its endpoint's lane of the pending queue (possibly as removed).</summary>
    public bool InLane { get; set; }

    /// <summary>Whether delivery work remains (an attempt scheduled or on the wire).</summary>
    public bool IsPending => NextAttemptAt is not null || InFlight;
}
