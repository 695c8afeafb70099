namespace PolarBilling.Client.Webhooks;

/// <summary><c>discount.updated</c>: Sent when a discount is updated.</summary>
public sealed class DiscountUpdatedWebhookEvent : PolarWebhookEvent<Discount>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Discount the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public DiscountUpdatedWebhookEvent(Discount data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.DiscountUpdated, data, timestamp)
    {
    }

    internal DiscountUpdatedWebhookEvent(Discount data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
