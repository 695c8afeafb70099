namespace PolarBilling.Client.Webhooks;

/// <summary><c>benefit.updated</c>: Sent when a benefit is updated.</summary>
public sealed class BenefitUpdatedWebhookEvent : PolarWebhookEvent<Benefit>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Benefit the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public BenefitUpdatedWebhookEvent(Benefit data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.BenefitUpdated, data, timestamp)
    {
    }

    internal BenefitUpdatedWebhookEvent(Benefit data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
