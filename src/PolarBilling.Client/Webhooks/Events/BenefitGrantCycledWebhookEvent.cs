namespace PolarBilling.Client.Webhooks;

/// <summary><c>benefit_grant.cycled</c>: Sent when a benefit grant is cycled, meaning the related subscription has been renewed for another period.</summary>
public sealed class BenefitGrantCycledWebhookEvent : PolarWebhookEvent<BenefitGrantWebhook>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The BenefitGrantWebhook the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public BenefitGrantCycledWebhookEvent(BenefitGrantWebhook data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.BenefitGrantCycled, data, timestamp)
    {
    }

    internal BenefitGrantCycledWebhookEvent(BenefitGrantWebhook data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
