namespace PolarBilling.Client.Webhooks;

/// <summary><c>discount.deleted</c>: Sent when a discount is deleted.</summary>
public sealed class DiscountDeletedWebhookEvent : PolarWebhookEvent<Discount>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Discount the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public DiscountDeletedWebhookEvent(Discount data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.DiscountDeleted, data, timestamp)
    {
    }

    internal DiscountDeletedWebhookEvent(Discount data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
