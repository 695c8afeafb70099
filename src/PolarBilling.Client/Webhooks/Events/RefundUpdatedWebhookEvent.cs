namespace PolarBilling.Client.Webhooks;

/// <summary><c>refund.updated</c>: Sent when a refund is updated.</summary>
public sealed class RefundUpdatedWebhookEvent : PolarWebhookEvent<Refund>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Refund the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public RefundUpdatedWebhookEvent(Refund data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.RefundUpdated, data, timestamp)
    {
    }

    internal RefundUpdatedWebhookEvent(Refund data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
