namespace PolarBilling.Client.Webhooks;

/// <summary><c>checkout.created</c>: Sent when a new checkout is created.</summary>
public sealed class CheckoutCreatedWebhookEvent : PolarWebhookEvent<Checkout>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Checkout the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public CheckoutCreatedWebhookEvent(Checkout data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.CheckoutCreated, data, timestamp)
    {
    }

    internal CheckoutCreatedWebhookEvent(Checkout data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
