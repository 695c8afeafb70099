namespace PolarBilling.Client.Webhooks;

/// <summary><c>subscription.past_due</c>: Sent when a subscription payment fails and the subscription enters <c>past_due</c> status.</summary>
public sealed class SubscriptionPastDueWebhookEvent : PolarWebhookEvent<Subscription>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Subscription the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public SubscriptionPastDueWebhookEvent(Subscription data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.SubscriptionPastDue, data, timestamp)
    {
    }

    internal SubscriptionPastDueWebhookEvent(Subscription data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
