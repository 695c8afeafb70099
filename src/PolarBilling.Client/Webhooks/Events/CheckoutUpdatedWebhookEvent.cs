namespace PolarBilling.Client.Webhooks;

/// <summary><c>checkout.updated</c>: Sent when a checkout is updated.</summary>
public sealed class CheckoutUpdatedWebhookEvent : PolarWebhookEvent<Checkout>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Checkout the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public CheckoutUpdatedWebhookEvent(Checkout data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.CheckoutUpdated, data, timestamp)
    {
    }

    internal CheckoutUpdatedWebhookEvent(Checkout data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
