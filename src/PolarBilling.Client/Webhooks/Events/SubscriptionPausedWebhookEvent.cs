namespace PolarBilling.Client.Webhooks;

/// <summary><c>subscription.paused</c>: Sent when a subscription is paused and the customer temporarily loses access.</summary>
public sealed class SubscriptionPausedWebhookEvent : PolarWebhookEvent<Subscription>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Subscription the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public SubscriptionPausedWebhookEvent(Subscription data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.SubscriptionPaused, data, timestamp)
    {
    }

    internal SubscriptionPausedWebhookEvent(Subscription data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
