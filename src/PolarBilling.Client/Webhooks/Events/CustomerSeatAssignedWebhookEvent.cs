namespace PolarBilling.Client.Webhooks;

/// <summary><c>customer_seat.assigned</c>: Sent when a new customer seat is assigned.</summary>
public sealed class CustomerSeatAssignedWebhookEvent : PolarWebhookEvent<CustomerSeat>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The CustomerSeat the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public CustomerSeatAssignedWebhookEvent(CustomerSeat data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.CustomerSeatAssigned, data, timestamp)
    {
    }

    internal CustomerSeatAssignedWebhookEvent(CustomerSeat data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
