namespace PolarBilling.Client.Webhooks;

/// <summary><c>benefit_grant.updated</c>: Sent when a benefit grant is updated.</summary>
public sealed class BenefitGrantUpdatedWebhookEvent : PolarWebhookEvent<BenefitGrantWebhook>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The BenefitGrantWebhook the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public BenefitGrantUpdatedWebhookEvent(BenefitGrantWebhook data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.BenefitGrantUpdated, data, timestamp)
    {
    }

    internal BenefitGrantUpdatedWebhookEvent(BenefitGrantWebhook data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
