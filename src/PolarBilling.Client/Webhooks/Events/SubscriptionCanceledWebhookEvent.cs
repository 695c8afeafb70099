namespace PolarBilling.Client.Webhooks;

/// <summary><c>subscription.canceled</c>: Sent when a subscription is canceled. Customers might still have access until the end of the current period.</summary>
public sealed class SubscriptionCanceledWebhookEvent : PolarWebhookEvent<Subscription>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Subscription the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public SubscriptionCanceledWebhookEvent(Subscription data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.SubscriptionCanceled, data, timestamp)
    {
    }

    internal SubscriptionCanceledWebhookEvent(Subscription data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
