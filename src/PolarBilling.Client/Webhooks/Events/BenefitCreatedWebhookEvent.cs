namespace PolarBilling.Client.Webhooks;

/// <summary><c>benefit.created</c>: Sent when a new benefit is created.</summary>
public sealed class BenefitCreatedWebhookEvent : PolarWebhookEvent<Benefit>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Benefit the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public BenefitCreatedWebhookEvent(Benefit data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.BenefitCreated, data, timestamp)
    {
    }

    internal BenefitCreatedWebhookEvent(Benefit data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
