namespace PolarBilling.Client.Webhooks;

/// <summary><c>discount.created</c>: Sent when a new discount is created.</summary>
public sealed class DiscountCreatedWebhookEvent : PolarWebhookEvent<Discount>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Discount the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public DiscountCreatedWebhookEvent(Discount data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.DiscountCreated, data, timestamp)
    {
    }

    internal DiscountCreatedWebhookEvent(Discount data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
