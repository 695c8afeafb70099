namespace PolarBilling.Client.Webhooks;

/// <summary><c>checkout.expired</c>: Sent when a checkout expires.</summary>
public sealed class CheckoutExpiredWebhookEvent : PolarWebhookEvent<Checkout>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Checkout the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public CheckoutExpiredWebhookEvent(Checkout data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.CheckoutExpired, data, timestamp)
    {
    }

    internal CheckoutExpiredWebhookEvent(Checkout data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
