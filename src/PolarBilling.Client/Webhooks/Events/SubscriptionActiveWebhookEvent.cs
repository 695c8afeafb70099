namespace PolarBilling.Client.Webhooks;

/// <summary><c>subscription.active</c>: Sent when a subscription becomes active, whether because it's a new paid subscription or because payment was recovered.</summary>
public sealed class SubscriptionActiveWebhookEvent : PolarWebhookEvent<Subscription>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Subscription the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public SubscriptionActiveWebhookEvent(Subscription data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.SubscriptionActive, data, timestamp)
    {
    }

    internal SubscriptionActiveWebhookEvent(Subscription data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
