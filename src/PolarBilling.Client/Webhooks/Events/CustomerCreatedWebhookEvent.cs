namespace PolarBilling.Client.Webhooks;

/// <summary><c>customer.created</c>: Sent when a new customer is created.</summary>
public sealed class CustomerCreatedWebhookEvent : PolarWebhookEvent<Customer>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Customer the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public CustomerCreatedWebhookEvent(Customer data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.CustomerCreated, data, timestamp)
    {
    }

    internal CustomerCreatedWebhookEvent(Customer data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
