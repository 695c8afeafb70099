namespace PolarBilling.Client.Webhooks;

/// <summary><c>refund.created</c>: Sent when a refund is created regardless of status.</summary>
public sealed class RefundCreatedWebhookEvent : PolarWebhookEvent<Refund>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Refund the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public RefundCreatedWebhookEvent(Refund data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.RefundCreated, data, timestamp)
    {
    }

    internal RefundCreatedWebhookEvent(Refund data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
