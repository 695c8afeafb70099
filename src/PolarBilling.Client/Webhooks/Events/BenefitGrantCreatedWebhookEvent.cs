namespace PolarBilling.Client.Webhooks;

/// <summary><c>benefit_grant.created</c>: Sent when a new benefit grant is created.</summary>
public sealed class BenefitGrantCreatedWebhookEvent : PolarWebhookEvent<BenefitGrantWebhook>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The BenefitGrantWebhook the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public BenefitGrantCreatedWebhookEvent(BenefitGrantWebhook data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.BenefitGrantCreated, data, timestamp)
    {
    }

    internal BenefitGrantCreatedWebhookEvent(BenefitGrantWebhook data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
