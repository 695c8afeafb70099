namespace PolarBilling.Client.Webhooks;

/// <summary><c>order.paid</c>: Sent when an order is paid.</summary>
public sealed class OrderPaidWebhookEvent : PolarWebhookEvent<Order>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Order the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public OrderPaidWebhookEvent(Order data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.OrderPaid, data, timestamp)
    {
    }

    internal OrderPaidWebhookEvent(Order data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
