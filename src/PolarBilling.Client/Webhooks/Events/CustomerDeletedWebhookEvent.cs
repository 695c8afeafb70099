namespace PolarBilling.Client.Webhooks;

/// <summary><c>customer.deleted</c>: Sent when a customer is deleted.</summary>
public sealed class CustomerDeletedWebhookEvent : PolarWebhookEvent<Customer>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Customer the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public CustomerDeletedWebhookEvent(Customer data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.CustomerDeleted, data, timestamp)
    {
    }

    internal CustomerDeletedWebhookEvent(Customer data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
