namespace PolarBilling.Client.Webhooks;

/// <summary><c>order.refunded</c>: Sent when an order is fully or partially refunded.</summary>
public sealed class OrderRefundedWebhookEvent : PolarWebhookEvent<Order>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Order the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public OrderRefundedWebhookEvent(Order data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.OrderRefunded, data, timestamp)
    {
    }

    internal OrderRefundedWebhookEvent(Order data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
