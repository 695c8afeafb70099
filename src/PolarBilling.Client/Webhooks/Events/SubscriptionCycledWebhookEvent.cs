namespace PolarBilling.Client.Webhooks;

/// <summary><c>subscription.cycled</c>: Sent when a subscription enters a new billing period.</summary>
public sealed class SubscriptionCycledWebhookEvent : PolarWebhookEvent<Subscription>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Subscription the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public SubscriptionCycledWebhookEvent(Subscription data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.SubscriptionCycled, data, timestamp)
    {
    }

    internal SubscriptionCycledWebhookEvent(Subscription data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
