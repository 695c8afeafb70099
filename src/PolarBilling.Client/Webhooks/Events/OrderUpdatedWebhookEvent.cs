namespace PolarBilling.Client.Webhooks;

/// <summary><c>order.updated</c>: Sent when an order is updated.</summary>
public sealed class OrderUpdatedWebhookEvent : PolarWebhookEvent<Order>
{
    /// <summary>Creates the event as Polar sends it; <see cref="PolarWebhookEvent.RawJson"/> is its compact JSON envelope.</summary>
    /// <param name="data">The Order the event is about.</param>
    /// <param name="timestamp">When Polar emitted the event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public OrderUpdatedWebhookEvent(Order data, DateTimeOffset timestamp)
        : base(WebhookEventTypes.OrderUpdated, data, timestamp)
    {
    }

    internal OrderUpdatedWebhookEvent(Order data, WebhookEnvelope envelope)
        : base(data, envelope)
    {
    }
}
