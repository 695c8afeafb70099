namespace PolarBilling.Client.Webhooks;

/// <summary><c>customer.updated</c>: Sent when a customer is updated.</summary>
public sealed class CustomerUpdatedWebhookEvent : PolarWebhookEvent<Customer>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Customer the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public CustomerUpdatedWebhookEvent(Customer data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.CustomerUpdated, data, timestamp)
    {
    }

    internal CustomerUpdatedWebhookEvent(Customer data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
