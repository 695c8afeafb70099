namespace PolarBilling.Client.Webhooks;

/// <summary><c>subscription.updated</c>: Sent when a subscription is updated. This event fires for all changes to the subscription, including renewals.</summary>
public sealed class SubscriptionUpdatedWebhookEvent : PolarWebhookEvent<Subscription>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Subscription the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public SubscriptionUpdatedWebhookEvent(Subscription data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.SubscriptionUpdated, data, timestamp)
    {
    }

    internal SubscriptionUpdatedWebhookEvent(Subscription data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
