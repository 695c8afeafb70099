namespace PolarBilling.Client.Webhooks;

/// <summary><c>organization.updated</c>: Sent when an organization is updated.</summary>
public sealed class OrganizationUpdatedWebhookEvent : PolarWebhookEvent<Organization>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Organization the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public OrganizationUpdatedWebhookEvent(Organization data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.OrganizationUpdated, data, timestamp)
    {
    }

    internal OrganizationUpdatedWebhookEvent(Organization data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
