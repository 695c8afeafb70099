namespace PolarBilling.Client.Webhooks;

/// <summary><c>customer_seat.claimed</c>: Sent when a customer seat is claimed.</summary>
public sealed class CustomerSeatClaimedWebhookEvent : PolarWebhookEvent<CustomerSeat>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The CustomerSeat the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public CustomerSeatClaimedWebhookEvent(CustomerSeat data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.CustomerSeatClaimed, data, timestamp)
    {
    }

    internal CustomerSeatClaimedWebhookEvent(CustomerSeat data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
