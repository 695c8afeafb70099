namespace PolarBilling.Client.Webhooks;

/// <summary><c>subscription.migrated</c>: Sent when a subscription is migrated (API version 2026-10 and later); the data is the subscription as it is after the migration.</summary>
public sealed class SubscriptionMigratedWebhookEvent : PolarWebhookEvent<Subscription>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Subscription the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public SubscriptionMigratedWebhookEvent(Subscription data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.SubscriptionMigrated, data, timestamp)
    {
    }

    internal SubscriptionMigratedWebhookEvent(Subscription data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
