namespace PolarBilling.Client.Webhooks;

/// <summary><c>benefit_grant.revoked</c>: Sent when a benefit grant is revoked.</summary>
public sealed class BenefitGrantRevokedWebhookEvent : PolarWebhookEvent<BenefitGrantWebhook>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The BenefitGrantWebhook the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public BenefitGrantRevokedWebhookEvent(BenefitGrantWebhook data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.BenefitGrantRevoked, data, timestamp)
    {
    }

    internal BenefitGrantRevokedWebhookEvent(BenefitGrantWebhook data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
